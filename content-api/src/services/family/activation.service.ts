import { randomBytes, randomInt, randomUUID } from 'node:crypto';
import {
  ACTIVATION_CODE_ALPHABET,
  ACTIVATION_CODE_LENGTH,
  type Activation,
  type ActivationState,
  type BindActivationBody,
  type OperatorBindActivationBody,
} from '@ketang/contract';
import {
  AppError,
  ForbiddenError,
  InvalidRequestError,
  UnauthorizedError,
  UnknownReferenceError,
} from '../../errors.ts';
import type { ActivationRecord, ActivationStore } from '../../stores/activation.store.ts';
import type { AuditStore } from '../../stores/audit.store.ts';
import type { CarrierConfigStore } from '../../stores/carrier-config.store.ts';
import type { CurationStore } from '../../stores/curation.store.ts';
import type { HouseholdRecord, HouseholdStore } from '../../stores/household.store.ts';
import { requireAbility, type Principal } from '../auth.service.ts';
import { carrierScopeRefusal } from '../carrier/carrier-scope.ts';
import { hashToken, type BoxCredentials, type FamilyAuth } from './family-auth.ts';
import { newHouseholdRecord } from './household.service.ts';
import type { KeyedLock } from './keyed-lock.ts';

/** A code lives 15 minutes: long enough to find a phone and open a page, short enough to bound guessing. */
export const ACTIVATION_CODE_TTL_MS = 15 * 60_000;
/** Failed binds of one existing code before it is burned (the box then shows a new one). */
export const MAX_FAILED_BINDS_PER_CODE = 5;
/** Expired codes are kept this long (a box still polling learns `expired`), then purged. */
const EXPIRED_KEPT_MS = 60 * 60_000;
const NATIONAL = 'national';

export type Binder = { kind: 'phone'; auth?: FamilyAuth } | { kind: 'operator'; principal: Principal };
type BindTarget = { household: HouseholdRecord; isNew: boolean };

const codeGone = () =>
  new AppError(404, 'not_found', 'no box is waiting with this code; check it, or the box shows a new one', [
    { path: 'code', message: 'unknown or expired code' },
  ]);

/** Activation by code: the box asks for a code, a phone or a CRM binds it, the box's poll collects its credential. */
export class ActivationService {
  constructor(
    private readonly stores: {
      activations: ActivationStore;
      households: HouseholdStore;
      curation: CurationStore;
      audit: AuditStore;
      carrierConfigs: CarrierConfigStore;
    },
    private readonly boxes: BoxCredentials,
    private readonly lock: KeyedLock,
    private readonly clock: () => Date,
  ) {}

  /** A new code for a box without a credential; `origin` is where the box reaches the API (the phone page's). */
  async start(origin: string): Promise<Activation> {
    const now = this.clock();
    await this.stores.activations.purgeExpired(new Date(now.getTime() - EXPIRED_KEPT_MS));
    const pollToken = randomBytes(32).toString('base64url');
    const expiresAt = new Date(now.getTime() + ACTIVATION_CODE_TTL_MS).toISOString();
    let code = newCode();
    // A collision with a live code is ~1 in 10^8 even with thousands waiting: retried, never shared.
    while (await this.stores.activations.byCode(code)) code = newCode();
    await this.stores.activations.add({
      code,
      pollTokenHash: hashToken(pollToken),
      createdAt: now.toISOString(),
      expiresAt,
      state: 'pending',
      failedBinds: 0,
    });
    return { code: showCode(code), pollToken, expiresAt, activateUrl: `${origin}/activate/#c=${code}` };
  }

  /** The box's poll: the credential comes in the first answer after binding, never again. */
  async poll(pollToken: string): Promise<ActivationState> {
    const record = await this.stores.activations.byPollTokenHash(hashToken(pollToken));
    if (!record) throw new UnauthorizedError('unknown activation poll token; ask for a new code');
    const now = this.clock();
    if (record.state === 'bound') {
      const credential = await this.lock.run([record.code], () => this.handOut(record, now));
      return credential ? { state: 'bound', credential } : { state: 'bound' };
    }
    if (record.state === 'burned' || Date.parse(record.expiresAt) <= now.getTime())
      return { state: 'expired' };
    return { state: 'pending', expiresAt: record.expiresAt };
  }

  /** Regions a new household may choose: those the operators curate (settings, rules or their own lessons). */
  async regions(): Promise<{ items: { id: string }[] }> {
    const curation = await this.stores.curation.snapshot();
    const ids = new Set([
      ...curation.settings.map((settings) => settings.region),
      ...curation.rules.map((rule) => rule.region),
      ...curation.localLessons.map((lesson) => lesson.region),
    ]);
    ids.delete(NATIONAL);
    return { items: [...ids].sort().map((id) => ({ id })) };
  }

  /** The phone page: the parent's household (phone link or box credential) or a new one. */
  async bindFromPhone(code: string, auth: FamilyAuth | undefined, body: BindActivationBody) {
    return this.bind(code, { kind: 'phone', auth }, async () => {
      if (auth)
        return { household: await this.existingHousehold(auth.householdId, 'authorization'), isNew: false };
      if (!body.newHousehold)
        throw new InvalidRequestError(
          'choose a region for a new household, or open this page from 家长助手',
          [{ path: 'body.newHousehold', message: 'required without a phone link' }],
        );
      const { region, county } = body.newHousehold;
      await this.requireOfferedRegion(region);
      return { household: newHouseholdRecord({ region, county }, this.clock()), isNew: true };
    });
  }

  /** The carrier's CRM: a household it already knows, or a new one with its own reference. */
  async bindFromOperator(principal: Principal, code: string, body: OperatorBindActivationBody) {
    requireAbility(principal, 'bindDevices');
    return this.bind(code, { kind: 'operator', principal }, async () => {
      if ('householdId' in body) {
        const household = await this.existingHousehold(body.householdId, 'body.householdId');
        await this.requireCarrierScope(principal, household.region, household.carrier);
        return { household, isNew: false };
      }
      await this.requireCarrierScope(principal, body.newHousehold.region, body.newHousehold.carrier);
      await this.requireOfferedRegion(body.newHousehold.region);
      return { household: newHouseholdRecord(body.newHousehold, this.clock()), isNew: true };
    });
  }

  /** Checks the code, then the target; a failed target counts against the code; the bind itself is atomic. */
  private async bind(code: string, binder: Binder, target: () => Promise<BindTarget>) {
    return this.lock.run([code], async () => {
      const now = this.clock();
      const record = await this.stores.activations.byCode(code);
      if (!record || record.state !== 'pending' || Date.parse(record.expiresAt) <= now.getTime())
        throw codeGone();
      let chosen: BindTarget;
      try {
        chosen = await target();
      } catch (error) {
        await this.stores.activations.failBind(record, MAX_FAILED_BINDS_PER_CODE);
        throw error;
      }
      const { household, isNew } = chosen;
      if (isNew) await this.stores.households.save(household);
      const deviceId = randomUUID();
      const boundBy = binder.kind === 'operator' ? binder.principal.actor : 'phone';
      const bound = {
        householdId: household.id,
        deviceId,
        ...(household.region ? { region: household.region } : {}),
        boundAt: now.toISOString(),
        boundBy,
      };
      if (!(await this.stores.activations.bind(code, now, bound))) throw codeGone();
      await this.audit(binder, record, { ...bound, isNewHousehold: isNew, household });
      return {
        householdId: household.id,
        deviceId,
        ...(household.region ? { region: household.region } : {}),
      };
    });
  }

  private async handOut(record: ActivationRecord, now: Date) {
    if (!record.householdId || !record.deviceId) return undefined;
    if (!(await this.stores.activations.claimHandout(record.code, now))) return undefined;
    const issued = await this.boxes.issueWithExpiry(record.householdId, record.deviceId, 'activated', now);
    return {
      token: issued.token,
      householdId: record.householdId,
      ...(record.region ? { region: record.region } : {}),
      deviceId: record.deviceId,
      expiresAt: issued.expiresAt ?? '',
    };
  }

  private async existingHousehold(id: string, path: string): Promise<HouseholdRecord> {
    const household = await this.stores.households.get(id);
    if (!household)
      throw new AppError(404, 'not_found', `household "${id}" does not exist`, [
        { path, message: 'unknown household' },
      ]);
    return household;
  }

  /** A carrier's account binds only for its own carrier and regions (carrier-scope.ts); an admin anywhere. */
  private async requireCarrierScope(principal: Principal, region?: string, carrier?: string): Promise<void> {
    const refusal = await carrierScopeRefusal(this.stores.carrierConfigs, principal, { region, carrier });
    if (refusal) throw new ForbiddenError(refusal);
  }

  private async requireOfferedRegion(region: string): Promise<void> {
    const { items } = await this.regions();
    if (!items.some((item) => item.id === region))
      throw new UnknownReferenceError(`region "${region}" is not one the operators offer`, [
        {
          path: 'body.newHousehold.region',
          message: `one of: ${items.map((item) => item.id).join(', ') || '(none yet)'}`,
        },
      ]);
  }

  private async audit(
    binder: Binder,
    record: ActivationRecord,
    bound: {
      deviceId: string;
      householdId: string;
      region?: string;
      isNewHousehold: boolean;
      household: HouseholdRecord;
    },
  ): Promise<void> {
    const { household, ...rest } = bound;
    await this.stores.audit.add({
      actor:
        binder.kind === 'operator'
          ? binder.principal.actor
          : binder.auth
            ? `household:${binder.auth.householdId}`
            : 'phone',
      action: 'activation.bind',
      target: `device:${bound.deviceId}`,
      ...(household.region ? { region: household.region } : {}),
      after: {
        ...rest,
        code: record.code,
        ...(household.carrier ? { carrier: household.carrier } : {}),
        ...(household.externalRef ? { externalRef: household.externalRef } : {}),
        ...(household.county ? { county: household.county } : {}),
      },
    });
  }
}

/** 8 characters drawn uniformly (crypto randomInt) from the code alphabet. */
function newCode(): string {
  let code = '';
  for (let i = 0; i < ACTIVATION_CODE_LENGTH; i += 1)
    code += ACTIVATION_CODE_ALPHABET[randomInt(ACTIVATION_CODE_ALPHABET.length)];
  return code;
}

/** `ABCD2345` → `ABCD-2345`, as the TV shows it. */
const showCode = (code: string) => `${code.slice(0, 4)}-${code.slice(4)}`;
