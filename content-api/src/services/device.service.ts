import type { EventAccepted, PlaybackEventBody } from '@ketang/contract';
import type { EventStore } from '../stores/event.store.ts';
import type { HouseholdStore } from '../stores/household.store.ts';
import { zonedDate } from './time-zone.ts';

/**
 * Playback quality events from boxes; the device and household come from the box's credential, never the
 * body. The household's region (and county, once carrier activation sets one) and its local day are stamped
 * on the event when it arrives, so the daily rollup reads one day by index and needs no lookups.
 */
export class DeviceService {
  constructor(
    private readonly events: EventStore,
    private readonly households: Pick<HouseholdStore, 'get'>,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  async recordEvent(
    box: { deviceId: string; householdId: string },
    event: PlaybackEventBody,
  ): Promise<EventAccepted> {
    const now = this.clock();
    const household = await this.households.get(box.householdId);
    const county = (household as { county?: string } | undefined)?.county;
    const id = await this.events.add({
      ...event,
      deviceId: box.deviceId,
      householdId: box.householdId,
      ...(household?.region ? { region: household.region } : {}),
      ...(county ? { county } : {}),
      day: zonedDate(household?.timeZone ?? 'Asia/Shanghai', now),
      receivedAt: now.toISOString(),
    });
    return { accepted: true, id };
  }
}
