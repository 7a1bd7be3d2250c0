import type { Channel, TimetableSlot } from '@ketang/catalog';
import { NotFoundError } from '../errors.ts';
import type { ChannelOutput, SlotOutput } from '@ketang/contract';
import type { Stores } from '../stores/stores.ts';
import type { CatalogueView, CatalogueViews } from './catalogue-view.ts';
import { toLessonSummary, upstreamPictureUrl } from './mappers.ts';
import { zonedDate, zonedDayBounds } from './time-zone.ts';

type Clock = () => Date;

/** The channel list as it stands from one instant until the next slot of any channel starts or ends. */
type ListedNow = { items: ChannelOutput[]; from: number; until: number };

/** Linear channels (空中课堂) and their timetables: what is on air now, next, and on any day. */
export class ChannelService {
  /** Channels and slots are written with the catalogue, which bumps its revision: read once per view. */
  private readonly channelsByView = new WeakMap<CatalogueView, Promise<Channel[]>>();
  private readonly listedByView = new WeakMap<CatalogueView, ListedNow>();

  constructor(
    private readonly stores: Stores,
    private readonly views: CatalogueViews,
    private readonly clock: Clock = () => new Date(),
  ) {}

  /**
   * Every channel, linear ones with what they air now and next. The answer changes only when a slot starts or
   * ends, so it is kept until the first such instant: a home asks no store per channel.
   */
  async list(region?: string): Promise<{ items: ChannelOutput[] }> {
    const view = await this.views.current(region);
    const now = this.clock().getTime();
    const kept = this.listedByView.get(view);
    if (kept && now >= kept.from && now < kept.until) return { items: kept.items };
    const channels = await this.channelsOf(view);
    const listed = await Promise.all(channels.map((channel) => this.toChannelOutputAt(channel, view, now)));
    const items = listed.map((entry) => entry.output);
    const until = Math.min(Infinity, ...listed.map((entry) => entry.changesAt));
    this.listedByView.set(view, { items, from: now, until });
    return { items };
  }

  async timetable(id: string, date: string | undefined, region?: string) {
    const channel = await this.channel(id);
    const day = date ?? zonedDate(channel.timeZone, this.clock());
    const { start, end } = zonedDayBounds(day, channel.timeZone);
    const slots = await this.stores.slots.list(
      { channelId: id, start: { $gte: start.toISOString(), $lt: end.toISOString() } },
      { start: 1 },
    );
    const view = await this.views.current(region);
    return {
      channel: { id: channel.id, kind: channel.kind, title: channel.title, timeZone: channel.timeZone },
      date: day,
      slots: this.toSlotOutputs(slots, view),
    };
  }

  async onAir(
    id: string,
    region?: string,
  ): Promise<{
    now: SlotOutput | null;
    next: SlotOutput | null;
    positionSeconds: number;
    lessonPositionSeconds: number;
  }> {
    const channel = await this.channel(id);
    const view = await this.views.current(region);
    const { now, next } = await this.nowAndNext(channel.id, view);
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
  async gradeChannel(gradeId: string, region?: string): Promise<Channel | undefined> {
    const channels = await this.channelsOf(await this.views.current(region));
    return channels.find((channel) => channel.kind === 'linear' && channel.gradeIds.includes(gradeId));
  }

  /**
   * A channel's slots that started in the last `days` days and have ended, most recent first: a range of the
   * (channelId, start) index bounded on both sides, so neither older history nor the published future is read.
   */
  async pastSlots(channelId: string, days: number): Promise<TimetableSlot[]> {
    const now = this.clock();
    const since = new Date(now.getTime() - days * 86_400_000);
    return this.stores.slots.list(
      {
        channelId,
        start: { $gte: since.toISOString(), $lt: now.toISOString() },
        end: { $lte: now.toISOString() },
      },
      { start: -1 },
    );
  }

  private channelsOf(view: CatalogueView): Promise<Channel[]> {
    let channels = this.channelsByView.get(view);
    if (!channels) {
      channels = this.stores.channels.list();
      this.channelsByView.set(view, channels);
      // A failed read is not kept: the next request asks the store again.
      channels.catch(() => this.channelsByView.delete(view));
    }
    return channels;
  }

  private async channel(id: string): Promise<Channel> {
    const channel = await this.stores.channels.get(id);
    if (!channel) throw new NotFoundError('channel', id);
    return channel;
  }

  /** A channel as listed at `now`, and when that changes (the slot on air ends or the next one starts). */
  private async toChannelOutputAt(
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
    const { now: nowSlot, next, changesAt } = await this.nowAndNext(channel.id, view, now);
    return { output: { ...output, now: nowSlot, next }, changesAt };
  }

  /**
   * The slot on air is the one that started last, if it has not ended (a channel airs one slot at a time):
   * one row of the (channelId, start) index each way, however long the channel's history. Asking for a slot
   * that started before now and ends after it instead walks every past slot back whenever nothing is on air.
   */
  private async nowAndNext(channelId: string, view: CatalogueView, at = this.clock().getTime()) {
    const now = new Date(at).toISOString();
    const [latest] = await this.stores.slots.list({ channelId, start: { $lte: now } }, { start: -1 }, 1);
    const current = latest && latest.end > now ? latest : undefined;
    const [upcoming] = await this.stores.slots.list({ channelId, start: { $gt: now } }, { start: 1 }, 1);
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
