import type { HomeLayout } from '@ketang/contract';
import type { DocumentCollection, DocumentStore, Filter } from '../db/document-store.ts';
import type { ScheduledChannel, ScheduledSlot } from '../services/releases/scope.ts';
import { chunkIdOf } from './release.store.ts';

export const DRAFT_SCOPES = 'draft_scopes';
export const DRAFT_CHANNELS = 'draft_channels';
export const DRAFT_DAYS = 'draft_days';
export const DRAFT_LAYOUTS = 'draft_layouts';

type ScopeDocument = { _id: string; createdAt: string; revision: number };
type ChannelDocument = { _id: string; scope: string; channel: ScheduledChannel };
type LayoutDocument = { _id: string; scope: string; layout: HomeLayout };
/** One channel's slots on one calendar day of its time zone: the unit a timetable write replaces. */
export type DraftDay = { channelId: string; date: string; slots: ScheduledSlot[] };
/** With the day's chunk id and slot count, kept as it is written, so a release reads only changed days. */
type DayDocument = DraftDay & { _id: string; scope: string; chunk: string; count: number };
/** A draft day by its content: what publishing needs of the days a release already has. */
export type DraftDayRef = { channelId: string; date: string; chunk: string; count: number };

const channelDocId = (scope: string, channelId: string) => `${scope}|${channelId}`;
const layoutDocId = (scope: string, stage: string) => `${scope}|${stage}`;
const dayDocId = (scope: string, day: { channelId: string; date: string }) =>
  `${scope}|${day.channelId}|${day.date}`;

/**
 * The drafts operators edit, one per scope (key `region|carrier`): its channels, its slots by channel and
 * day, and its home layouts by stage. A scope's draft exists once it has its marker; the marker's revision moves with every write, so a
 * preview or a comparison can tell a draft changed.
 */
export class DraftStore {
  private readonly scopes: DocumentCollection<ScopeDocument>;
  private readonly channels: DocumentCollection<ChannelDocument>;
  private readonly days: DocumentCollection<DayDocument>;
  private readonly layouts: DocumentCollection<LayoutDocument>;

  constructor(private readonly store: DocumentStore) {
    this.scopes = store.collection(DRAFT_SCOPES);
    this.channels = store.collection(DRAFT_CHANNELS);
    this.days = store.collection(DRAFT_DAYS);
    this.layouts = store.collection(DRAFT_LAYOUTS);
  }

  static async createIndexes(store: DocumentStore): Promise<void> {
    await store.collection(DRAFT_CHANNELS).createIndex({ scope: 1 });
    await store.collection(DRAFT_DAYS).createIndex({ scope: 1, channelId: 1, date: 1 });
    await store.collection(DRAFT_DAYS).createIndex({ scope: 1, chunk: 1 });
    await store.collection(DRAFT_LAYOUTS).createIndex({ scope: 1 });
  }

  async revision(scope: string): Promise<number | undefined> {
    return (await this.scopes.findOne({ _id: scope } as Filter<ScopeDocument>))?.revision;
  }

  /** Starts a scope's draft from a copy of channels, days and layouts, in one write with its marker. */
  async create(
    scope: string,
    channels: readonly ScheduledChannel[],
    days: readonly DraftDay[],
    layouts: readonly HomeLayout[] = [],
  ) {
    const marker: ScopeDocument = { _id: scope, createdAt: new Date().toISOString(), revision: 1 };
    await this.store.upsertTogether([
      { collection: DRAFT_CHANNELS, docs: channels.map((channel) => this.channelDoc(scope, channel)) },
      { collection: DRAFT_DAYS, docs: days.map((day) => this.dayDoc(scope, day)) },
      { collection: DRAFT_LAYOUTS, docs: layouts.map((layout) => this.layoutDoc(scope, layout)) },
      { collection: DRAFT_SCOPES, docs: [marker] },
    ]);
  }

  async listChannels(scope: string): Promise<ScheduledChannel[]> {
    const docs = await this.channels.find({ scope } as Filter<ChannelDocument>);
    return docs.map((doc) => doc.channel).sort((a, b) => a.order - b.order || a.id.localeCompare(b.id));
  }

  async getChannel(scope: string, channelId: string): Promise<ScheduledChannel | undefined> {
    const doc = await this.channels.findOne({
      _id: channelDocId(scope, channelId),
    } as Filter<ChannelDocument>);
    return doc?.channel;
  }

  async putChannel(scope: string, channel: ScheduledChannel): Promise<void> {
    await this.store.upsertTogether([
      { collection: DRAFT_CHANNELS, docs: [this.channelDoc(scope, channel)] },
      await this.nextRevision(scope),
    ]);
  }

  /** Removes a channel and its days; the marker moves first, so a half-done removal still reads as a change. */
  async removeChannel(scope: string, channelId: string): Promise<void> {
    await this.store.upsertTogether([await this.nextRevision(scope)]);
    await this.channels.deleteMany({ _id: channelDocId(scope, channelId) } as Filter<ChannelDocument>);
    await this.days.deleteMany({ scope, channelId } as Filter<DayDocument>);
  }

  /** The draft's home layouts, by stage. */
  async listLayouts(scope: string): Promise<HomeLayout[]> {
    const docs = await this.layouts.find({ scope } as Filter<LayoutDocument>);
    return docs.map((doc) => doc.layout).sort((a, b) => a.stage.localeCompare(b.stage));
  }

  /** Writes one stage's layout in one write with the marker's next revision. */
  async putLayout(scope: string, layout: HomeLayout): Promise<void> {
    await this.store.upsertTogether([
      { collection: DRAFT_LAYOUTS, docs: [this.layoutDoc(scope, layout)] },
      await this.nextRevision(scope),
    ]);
  }

  /** Removes one stage's layout; the marker moves first, as for a channel. */
  async removeLayout(scope: string, stage: string): Promise<void> {
    await this.store.upsertTogether([await this.nextRevision(scope)]);
    await this.layouts.deleteMany({ _id: layoutDocId(scope, stage) } as Filter<LayoutDocument>);
  }

  /** Days of one channel from `from` up to (not including) `until`, by date. */
  async daysBetween(scope: string, channelId: string, from: string, until: string): Promise<DraftDay[]> {
    const docs = await this.days.find(
      { scope, channelId, date: { $gte: from, $lt: until } } as Filter<DayDocument>,
      { sort: { date: 1 } },
    );
    return docs.map(toDay);
  }

  async allDays(scope: string): Promise<DraftDay[]> {
    const docs = await this.days.find({ scope } as Filter<DayDocument>, { sort: { channelId: 1, date: 1 } });
    return docs.map(toDay);
  }

  /** Every non-empty day of the draft by its chunk id, without its slots. */
  async dayRefs(scope: string): Promise<DraftDayRef[]> {
    const docs = await this.days.find({ scope, count: { $gt: 0 } } as Filter<DayDocument>, {
      fields: ['channelId', 'date', 'chunk', 'count'],
    });
    return docs.map(({ channelId, date, chunk, count }) => ({ channelId, date, chunk, count }));
  }

  /** The slots of the draft's days that hold these chunks, by chunk id. */
  async chunks(scope: string, ids: readonly string[]): Promise<Map<string, ScheduledSlot[]>> {
    if (ids.length === 0) return new Map();
    const docs = await this.days.find({ scope, chunk: { $in: [...ids] } } as Filter<DayDocument>);
    return new Map(docs.map((doc) => [doc.chunk, doc.slots]));
  }

  /** Replaces whole days (an empty day clears it) in one write with the marker's next revision. */
  async putDays(scope: string, days: readonly DraftDay[]): Promise<void> {
    await this.store.upsertTogether([
      { collection: DRAFT_DAYS, docs: days.map((day) => this.dayDoc(scope, day)) },
      await this.nextRevision(scope),
    ]);
  }

  private async nextRevision(scope: string) {
    const current = await this.scopes.findOne({ _id: scope } as Filter<ScopeDocument>);
    const doc: ScopeDocument = {
      _id: scope,
      createdAt: current?.createdAt ?? new Date().toISOString(),
      revision: (current?.revision ?? 0) + 1,
    };
    return { collection: DRAFT_SCOPES, docs: [doc] };
  }

  private channelDoc(scope: string, channel: ScheduledChannel): ChannelDocument {
    return { _id: channelDocId(scope, channel.id), scope, channel };
  }

  private layoutDoc(scope: string, layout: HomeLayout): LayoutDocument {
    return { _id: layoutDocId(scope, layout.stage), scope, layout };
  }

  private dayDoc(scope: string, day: DraftDay): DayDocument {
    const { channelId, date, slots } = day;
    return {
      _id: dayDocId(scope, day),
      scope,
      channelId,
      date,
      slots,
      chunk: chunkIdOf(slots),
      count: slots.length,
    };
  }
}

const toDay = (doc: DayDocument): DraftDay => ({
  channelId: doc.channelId,
  date: doc.date,
  slots: doc.slots,
});
