import type { TimetableSlot } from '@ketang/catalog';
import type { HomeLayout } from '@ketang/contract';
import type { Stores } from '../../stores/stores.ts';
import { toScheduledChannel, type ScheduledChannel, type ScheduledSlot } from './scope.ts';

/** Which release a device's channel set comes from, when it comes from one. */
export type ReleaseRef = { region: string; carrier: string; version: number };

/**
 * The channels, timetables and home layouts one device sees: a release's snapshot, a draft under preview, or
 * the catalogue's own channels (and no layouts). Every device read of channels and layouts goes through one
 * (see ChannelSets.forDevice): the device's release is decided once for both.
 */
export interface ChannelSet {
  /** Tells sets apart in caches: `catalogue`, `release:jx|all|3`, `draft:jx|all|12`. */
  readonly key: string;
  readonly release?: ReleaseRef;
  channels(): Promise<ScheduledChannel[]>;
  channel(id: string): Promise<ScheduledChannel | undefined>;
  /** Slots starting in [from, to), by start. */
  slotsBetween(channelId: string, from: string, to: string): Promise<TimetableSlot[]>;
  /** The slot that started last at or before `at`. */
  latestStartingBy(channelId: string, at: string): Promise<TimetableSlot | undefined>;
  firstStartingAfter(channelId: string, at: string): Promise<TimetableSlot | undefined>;
  /** Slots that started since `since` and ended by `now`, most recent first. */
  endedBetween(channelId: string, since: string, now: string): Promise<TimetableSlot[]>;
  /** Every slot by channel, by start (copying into a draft, comparing with one). */
  allSlots(): Promise<Map<string, ScheduledSlot[]>>;
  /** The home layouts by stage (none: every home follows the built-in layout). */
  layouts(): readonly HomeLayout[];
}

/** The catalogue's channels and slots, as written with the catalogue: what a scope with no release shows. */
export class CatalogueChannelSet implements ChannelSet {
  readonly key = 'catalogue';

  constructor(private readonly stores: Pick<Stores, 'channels' | 'slots'>) {}
  layouts() {
    return [];
  }

  async channels() {
    return (await this.stores.channels.list()).map(toScheduledChannel);
  }

  async channel(id: string) {
    const channel = await this.stores.channels.get(id);
    return channel ? toScheduledChannel(channel) : undefined;
  }

  slotsBetween(channelId: string, from: string, to: string) {
    return this.stores.slots.list({ channelId, start: { $gte: from, $lt: to } }, { start: 1 });
  }

  // One row of the (channelId, start) index each way, however long the channel's history.
  async latestStartingBy(channelId: string, at: string) {
    return (await this.stores.slots.list({ channelId, start: { $lte: at } }, { start: -1 }, 1))[0];
  }

  async firstStartingAfter(channelId: string, at: string) {
    return (await this.stores.slots.list({ channelId, start: { $gt: at } }, { start: 1 }, 1))[0];
  }

  // A range bounded on both sides, so neither older history nor the published future is read.
  endedBetween(channelId: string, since: string, now: string) {
    return this.stores.slots.list(
      { channelId, start: { $gte: since, $lt: now }, end: { $lte: now } },
      { start: -1 },
    );
  }

  async allSlots() {
    const byChannel = new Map<string, ScheduledSlot[]>();
    for (const { channelId, ...slot } of await this.stores.slots.list({}, { channelId: 1, start: 1 })) {
      const list = byChannel.get(channelId) ?? [];
      list.push(slot);
      byChannel.set(channelId, list);
    }
    return byChannel;
  }
}

/** A snapshot held in memory (a release never changes; a previewed draft is read afresh per request). */
export class SnapshotChannelSet implements ChannelSet {
  private readonly byChannel = new Map<string, TimetableSlot[]>();
  private readonly channelList: ScheduledChannel[];

  constructor(
    readonly key: string,
    channels: readonly ScheduledChannel[],
    slots: ReadonlyMap<string, readonly ScheduledSlot[]>,
    readonly release?: ReleaseRef,
    private readonly layoutList: readonly HomeLayout[] = [],
  ) {
    this.channelList = [...channels].sort((a, b) => a.order - b.order || a.id.localeCompare(b.id));
    for (const channel of channels) {
      const list = (slots.get(channel.id) ?? []).map((slot) => ({ ...slot, channelId: channel.id }));
      this.byChannel.set(
        channel.id,
        list.sort((a, b) => a.start.localeCompare(b.start)),
      );
    }
  }

  async channels() {
    return this.channelList;
  }
  layouts() {
    return this.layoutList;
  }

  async channel(id: string) {
    return this.channelList.find((channel) => channel.id === id);
  }

  async slotsBetween(channelId: string, from: string, to: string) {
    const slots = this.slotsOf(channelId);
    return slots.slice(firstAtOrAfter(slots, from), firstAtOrAfter(slots, to));
  }

  async latestStartingBy(channelId: string, at: string) {
    const slots = this.slotsOf(channelId);
    return slots[firstAfter(slots, at) - 1];
  }

  async firstStartingAfter(channelId: string, at: string) {
    const slots = this.slotsOf(channelId);
    return slots[firstAfter(slots, at)];
  }

  async endedBetween(channelId: string, since: string, now: string) {
    const slots = await this.slotsBetween(channelId, since, now);
    return slots.filter((slot) => slot.end <= now).reverse();
  }

  async allSlots() {
    const all = new Map<string, ScheduledSlot[]>();
    for (const [channelId, slots] of this.byChannel)
      all.set(
        channelId,
        slots.map(({ channelId: _channel, ...slot }) => slot),
      );
    return all;
  }

  private slotsOf(channelId: string): TimetableSlot[] {
    return this.byChannel.get(channelId) ?? [];
  }
}

// ISO instants of one format (toISOString) compare as strings; binary searches over slots sorted by start.
function firstAtOrAfter(slots: readonly TimetableSlot[], at: string): number {
  return search(slots, (slot) => slot.start >= at);
}
function firstAfter(slots: readonly TimetableSlot[], at: string): number {
  return search(slots, (slot) => slot.start > at);
}
function search(slots: readonly TimetableSlot[], isAfter: (slot: TimetableSlot) => boolean): number {
  let low = 0;
  let high = slots.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (isAfter(slots[middle]!)) high = middle;
    else low = middle + 1;
  }
  return low;
}
