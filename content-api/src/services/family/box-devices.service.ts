import type { HouseholdDevices } from '@ketang/contract';
import { NotFoundError } from '../../errors.ts';
import type { AuditStore } from '../../stores/audit.store.ts';
import type { CarrierConfigStore } from '../../stores/carrier-config.store.ts';
import type { CredentialStore } from '../../stores/credential.store.ts';
import type { HouseholdStore } from '../../stores/household.store.ts';
import { requireAbility, type Principal } from '../auth.service.ts';
import { carrierScopeRefusal } from '../carrier/carrier-scope.ts';
import type { BoxCredentials, FamilyAuth } from './family-auth.ts';

/** A household's boxes: the parent lists and removes them, the box rotates its own credential, operators revoke. */
export class BoxDevicesService {
  constructor(
    private readonly stores: {
      credentials: CredentialStore;
      households: HouseholdStore;
      carrierConfigs: CarrierConfigStore;
      audit: AuditStore;
    },
    private readonly boxes: BoxCredentials,
    private readonly clock: () => Date,
  ) {}

  /** The household's boxes that still hold a credential (one entry per box). */
  async list(auth: FamilyAuth): Promise<HouseholdDevices> {
    const now = this.clock().toISOString();
    const live = (await this.stores.credentials.ofHousehold(auth.householdId)).filter(
      (record) => !record.revokedAt && !(record.expiresAt && record.expiresAt <= now),
    );
    const byDevice = new Map(live.map((record) => [record.deviceId, record]));
    return {
      items: [...byDevice.values()]
        .sort((a, b) => a.createdAt.localeCompare(b.createdAt))
        .map((record) => ({
          deviceId: record.deviceId,
          kind: record.kind,
          createdAt: record.createdAt,
          isThisDevice: record.deviceId === auth.deviceId,
        })),
    };
  }

  /** The parent removes a box of their household; another household's box id is a 404. */
  async remove(auth: FamilyAuth, deviceId: string): Promise<void> {
    const records = await this.stores.credentials.ofHousehold(auth.householdId);
    if (!records.some((record) => record.deviceId === deviceId && !record.revokedAt))
      throw new NotFoundError('device', deviceId);
    await this.stores.credentials.revokeDevice(deviceId, this.clock());
    await this.stores.audit.add({
      actor: `household:${auth.householdId}`,
      action: 'device.revoke',
      target: `device:${deviceId}`,
      after: { householdId: auth.householdId, by: auth.via },
    });
  }

  /**
   * An operator (admin or the carrier's CRM) revokes a box, e.g. returned to the shop. A carrier's account reaches
   * only boxes of households in its own carrier and regions (the bind's rule); another's box answers as an
   * unknown one, so the route tells nothing of boxes outside the carrier.
   */
  async revokeByOperator(principal: Principal, deviceId: string): Promise<void> {
    requireAbility(principal, 'bindDevices');
    if (!(await this.inScope(principal, deviceId))) throw new NotFoundError('device', deviceId);
    const count = await this.stores.credentials.revokeDevice(deviceId, this.clock());
    if (count === 0) throw new NotFoundError('device', deviceId);
    await this.stores.audit.add({
      actor: principal.actor,
      action: 'device.revoke',
      target: `device:${deviceId}`,
    });
  }

  private async inScope(principal: Principal, deviceId: string): Promise<boolean> {
    if (principal.role !== 'carrier') return true;
    const live = (await this.stores.credentials.ofDevice(deviceId)).find((record) => !record.revokedAt);
    if (!live) return false;
    const household = await this.stores.households.get(live.householdId);
    if (!household) return false;
    return !(await carrierScopeRefusal(this.stores.carrierConfigs, principal, household));
  }

  rotate(token: string) {
    return this.boxes.rotate(token);
  }
}
