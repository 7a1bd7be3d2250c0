import type { Channel, TimetableSlot } from '@ketang/catalog';
import { NotFoundError } from '../errors.ts';
import type { ChannelOutput, SlotOutput } from '../schemas/channel.schema.ts';
import type { Stores } from '../stores/stores.ts';
import type { CatalogueView, CatalogueViews } from './catalogue-view.ts';
import { toLessonSummary } from './mappers.ts';
import { zonedDate, zonedDayBounds } from './time-zone.ts';

type Clock = () => Date;

/** Linear channels (空中课堂) and their timetables: what is on air now, next, and on any day. */
export class ChannelService {
  constructor(
    private readonly stores: Stores,
    private readonly views: CatalogueViews,
    private readonly clock: Clock = () => new Date(),
  ) {}

  async list(region?: string): Promise<{ items: ChannelOutput[] }> {
    const [view, channels] = await Promise.all([this.views.current(region), this.stores.channels.list()]);
    const items = await Promise.all(channels.map((channel) => this.toChannelOutput(channel, view)));
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
  async gradeChannel(gradeId: string): Promise<Channel | undefined> {
    const channels = await this.stores.channels.list();
    return channels.find((channel) => channel.kind === 'linear' && channel.gradeIds.includes(gradeId));
  }

  /** A channel's slots that started in the last `days` days and have ended, most recent first. */
  async pastSlots(channelId: string, days: number): Promise<TimetableSlot[]> {
    const now = this.clock();
    const since = new Date(now.getTime() - days * 86_400_000);
    return this.stores.slots.list(
      { channelId, start: { $gte: since.toISOString() }, end: { $lte: now.toISOString() } },
      { start: -1 },
    );
  }

  private async channel(id: string): Promise<Channel> {
    const channel = await this.stores.channels.get(id);
    if (!channel) throw new NotFoundError('channel', id);
    return channel;
  }

  async toChannelOutput(channel: Channel, view: CatalogueView): Promise<ChannelOutput> {
    const output: ChannelOutput = {
      id: channel.id,
      kind: channel.kind,
      title: channel.title,
      description: channel.description,
      logoUrl: channel.logoUrl,
      gradeIds: channel.gradeIds,
    };
    if (channel.kind !== 'linear') return output;
    const { now, next } = await this.nowAndNext(channel.id, view);
    return { ...output, now, next };
  }

  private async nowAndNext(channelId: string, view: CatalogueView) {
    const now = this.clock().toISOString();
    const [current] = await this.stores.slots.list(
      { channelId, start: { $lte: now }, end: { $gt: now } },
      { start: -1 },
      1,
    );
    const [upcoming] = await this.stores.slots.list({ channelId, start: { $gt: now } }, { start: 1 }, 1);
    const [nowSlot, nextSlot] = this.toSlotOutputs([current, upcoming].filter(isSlot), view);
    return {
      now: current ? nowSlot : undefined,
      next: upcoming ? (current ? nextSlot : nowSlot) : undefined,
    };
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

const isSlot = (slot: TimetableSlot | undefined): slot is TimetableSlot => slot !== undefined;
