import type { Channel, TimetableSlot } from '@ketang/catalog';
import { NotFoundError } from '../errors.ts';
import type { ChannelOutput, SlotOutput } from '@ketang/contract';
import type { CatalogueView, CatalogueViews } from './catalogue-view.ts';
import type { ChannelSet } from './releases/channel-set.ts';
import type { ChannelSets } from './releases/channel-sets.ts';
import type { DeviceScope, ScheduledChannel } from './releases/scope.ts';
import { toLessonSummary, upstreamPictureUrl } from './mappers.ts';
import { zonedDate, zonedDayBounds } from './time-zone.ts';

type Clock = () => Date;

/** The channel list as it stands from one instant until the next slot of any channel starts or ends. */
type ListedNow = { items: ChannelOutput[]; from: number; until: number };

/**
 * Linear channels (空中课堂) and their timetables: what is on air now, next, and on any day. Which channels
 * and slots a device sees is the channel sets' one decision (its scope's current release, a previewed draft,
 * or the catalogue's); every read here starts from it.
 */
export class ChannelService {
  /** The list as it stands, per catalogue view (lesson visibility) and channel set (release). */
  private readonly listedByView = new WeakMap<CatalogueView, Map<string, ListedNow>>();

  constructor(
    private readonly channelSets: ChannelSets,
    private readonly views: CatalogueViews,
    private readonly clock: Clock = () => new Date(),
  ) {}

  /**
   * Every channel, linear ones with what they air now and next. The answer changes only when a slot starts or
   * ends, so it is kept until the first such instant: a home asks no store per channel.
   */
  async list(scope: DeviceScope = {}): Promise<{ items: ChannelOutput[] }> {
    const view = await this.views.current(scope.region, scope.preview);
    const set = await this.channelSets.forDevice(scope);
    const now = this.clock().getTime();
    const keptByView = this.listedByView.get(view) ?? new Map<string, ListedNow>();
    this.listedByView.set(view, keptByView);
    const kept = keptByView.get(set.key);
    if (kept && now >= kept.from && now < kept.until) return { items: kept.items };
    const channels = await set.channels();
    const listed = await Promise.all(
      channels.map((channel) => this.toChannelOutputAt(set, channel, view, now)),
    );
    const items = listed.map((entry) => entry.output);
    const until = Math.min(Infinity, ...listed.map((entry) => entry.changesAt));
    // A previewed draft changes under its code: never kept.
    if (!set.key.startsWith('draft:')) keptByView.set(set.key, { items, from: now, until });
    return { items };
  }

  async timetable(id: string, date: string | undefined, scope: DeviceScope = {}) {
    const set = await this.channelSets.forDevice(scope);
    const channel = await this.channel(set, id);
    const day = date ?? zonedDate(channel.timeZone, this.clock());
    const { start, end } = zonedDayBounds(day, channel.timeZone);
    const slots = await set.slotsBetween(id, start.toISOString(), end.toISOString());
    const view = await this.views.current(scope.region, scope.preview);
    return {
      channel: { id: channel.id, kind: channel.kind, title: channel.title, timeZone: channel.timeZone },
      date: day,
      slots: this.toSlotOutputs(slots, view),
    };
  }

  async onAir(
    id: string,
    scope: DeviceScope = {},
  ): Promise<{
    now: SlotOutput | null;
    next: SlotOutput | null;
    positionSeconds: number;
    lessonPositionSeconds: number;
  }> {
    const set = await this.channelSets.forDevice(scope);
    const channel = await this.channel(set, id);
    const view = await this.views.current(scope.region, scope.preview);
    const { now, next } = await this.nowAndNext(set, channel.id, view);
    const positionSeconds = now ? Math.max(0, (this.clock().getTime() - Date.parse(now.start)) / 1000) : 0;
    const elapsed = Math.floor(positionSeconds);
    const lessonSeconds = now?.lesson.durationSeconds ?? 0;
    return {
      now: now ?? null,
      next: next ?? null,
      positionSeconds: elapsed,
      lessonPositionSeconds: lessonSeconds > 0 ? Math.floor(elapsed % lessonSeconds) : elapsed,
    };
  }

  /** A grade's linear channel (the first in channel order), if it has one. */
  async gradeChannel(gradeId: string, scope: DeviceScope = {}): Promise<ScheduledChannel | undefined> {
    const channels = await (await this.channelSets.forDevice(scope)).channels();
    return channels.find((channel) => channel.kind === 'linear' && channel.gradeIds.includes(gradeId));
  }

  /**
   * A channel's slots that started in the last `days` days (at most its catch-up window) and have ended,
   * most recent first.
   */
  async pastSlots(channelId: string, days: number, scope: DeviceScope = {}): Promise<TimetableSlot[]> {
    const set = await this.channelSets.forDevice(scope);
    const channel = await set.channel(channelId);
    const windowMs = Math.min(days * 86_400_000, (channel?.catchUpHours ?? days * 24) * 3_600_000);
    const now = this.clock();
    const since = new Date(now.getTime() - windowMs);
    return set.endedBetween(channelId, since.toISOString(), now.toISOString());
  }

  private async channel(set: ChannelSet, id: string): Promise<Channel> {
    const channel = await set.channel(id);
    if (!channel) throw new NotFoundError('channel', id);
    return channel;
  }

  /** A channel as listed at `now`, and when that changes (the slot on air ends or the next one starts). */
  private async toChannelOutputAt(
    set: ChannelSet,
    channel: Channel,
    view: CatalogueView,
    now: number,
  ): Promise<{ output: ChannelOutput; changesAt: number }> {
    const output: ChannelOutput = {
      id: channel.id,
      kind: channel.kind,
      title: channel.title,
      description: channel.description,
      logoUrl: upstreamPictureUrl(channel.logoUrl, view),
      gradeIds: channel.gradeIds,
    };
    if (channel.kind !== 'linear') return { output, changesAt: Infinity };
    const { now: nowSlot, next, changesAt } = await this.nowAndNext(set, channel.id, view, now);
    return { output: { ...output, now: nowSlot, next }, changesAt };
  }

  /**
   * The slot on air is the one that started last, if it has not ended (a channel airs one slot at a time).
   * Asking for a slot that started before now and ends after it instead walks every past slot back whenever
   * nothing is on air.
   */
  private async nowAndNext(
    set: ChannelSet,
    channelId: string,
    view: CatalogueView,
    at = this.clock().getTime(),
  ) {
    const now = new Date(at).toISOString();
    const latest = await set.latestStartingBy(channelId, now);
    const current = latest && latest.end > now ? latest : undefined;
    const upcoming = await set.firstStartingAfter(channelId, now);
    // Each on its own: a slot whose lesson the view hides is left out without shifting the other into its place.
    const [nowSlot] = current ? this.toSlotOutputs([current], view) : [];
    const [nextSlot] = upcoming ? this.toSlotOutputs([upcoming], view) : [];
    const changesAt = Math.min(
      current ? Date.parse(current.end) : Infinity,
      upcoming ? Date.parse(upcoming.start) : Infinity,
    );
    return { now: nowSlot, next: nextSlot, changesAt };
  }

  /** Slots whose lesson the view shows (a hidden or retired lesson's slot is left out of the region's EPG). */
  private toSlotOutputs(slots: TimetableSlot[], view: CatalogueView): SlotOutput[] {
    return slots.flatMap((slot) => {
      const lesson = view.lessons.get(slot.lessonId);
      if (!lesson) return [];
      return [
        {
          id: slot.id,
          start: slot.start,
          end: slot.end,
          title: slot.title ?? lesson.title,
          lesson: toLessonSummary(lesson, view),
          periodId: slot.periodId,
        },
      ];
    });
  }
}
