import type { PlaybackEventBody } from '../schemas/device.schema.ts';
import type { EventStore } from '../stores/event.store.ts';

/** Playback quality events from boxes; the device id comes from the box's credential, never the body. */
export class DeviceService {
  constructor(private readonly events: EventStore) {}

  async recordEvent(deviceId: string, event: PlaybackEventBody): Promise<{ accepted: true; id: string }> {
    const id = await this.events.add({ ...event, deviceId, receivedAt: new Date().toISOString() });
    return { accepted: true, id };
  }
}
