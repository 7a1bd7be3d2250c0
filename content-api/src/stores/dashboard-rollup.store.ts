import { randomUUID } from 'node:crypto';
import type { DocumentCollection, Filter } from '../db/document-store.ts';
import type { LearningDimensions, LearningTally } from '../services/dashboards/learning-tally.ts';
import type { QoeDimensions, QoeTally } from '../services/dashboards/qoe-tally.ts';

export type QoeCellRecord = { day: string } & QoeDimensions & QoeTally;
export type LearningCellRecord = { day: string } & LearningDimensions & LearningTally;
type CellDocument<C> = C & { _id: string };
/** When a day was last rolled up, and whether the day had ended everywhere by then (no more events). */
export type RollupDayRecord = { day: string; rolledAt: string; isComplete: boolean };
/** `version` changes at every rollup of the day, so a cached copy of its cells is known to be stale. */
type RollupDayDocument = Omit<RollupDayRecord, 'day'> & { _id: string; version: string };

const cellId = (cell: { day: string }, dimensions: readonly string[]) =>
  [cell.day, ...dimensions].map(encodeURIComponent).join('|');

/** Per-dimension filters a dashboard query narrows by (equality on the stored dimension). */
export type CellFilter = Record<string, string | undefined>;

/** At most this many days' cells are kept in memory (a query spans at most 366). */
const CACHED_DAYS = 400;
type CachedDay = { version: string; qoe?: QoeCellRecord[]; learning?: LearningCellRecord[] };

/**
 * The daily rollups the dashboards read: one document per (day, dimensions) cell, kept after the raw events
 * are purged. Replacing a day is idempotent: its new cells are written, then the day's other cells removed,
 * then the day's marker (with `rolledAt`). Reads keep each day's cells in memory for as long as its marker
 * says it has not been rolled up again (by this process or another), so a query reads the markers of its
 * range and only the days that changed: a day's cells are bounded by its dimensions, not its events.
 */
export class DashboardRollupStore {
  // Insertion-ordered: the oldest cached day goes first when full.
  private readonly cached = new Map<string, CachedDay>();

  constructor(
    private readonly qoe: DocumentCollection<CellDocument<QoeCellRecord>>,
    private readonly learning: DocumentCollection<CellDocument<LearningCellRecord>>,
    private readonly days: DocumentCollection<RollupDayDocument>,
  ) {}

  static async createIndexes(
    qoe: DocumentCollection<CellDocument<QoeCellRecord>>,
    learning: DocumentCollection<CellDocument<LearningCellRecord>>,
  ): Promise<void> {
    await qoe.createIndex({ day: 1 });
    await learning.createIndex({ day: 1 });
  }

  async replaceQoeDay(day: string, cells: readonly QoeCellRecord[]): Promise<void> {
    const docs = cells.map((cell) => ({
      ...cell,
      _id: cellId(cell, [cell.region, cell.carrier, cell.model, cell.codec]),
    }));
    await replaceDay(this.qoe, day, docs);
  }

  async replaceLearningDay(day: string, cells: readonly LearningCellRecord[]): Promise<void> {
    const docs = cells.map((cell) => ({
      ...cell,
      _id: cellId(cell, [cell.region, cell.county, cell.stage, cell.grade, cell.subject]),
    }));
    await replaceDay(this.learning, day, docs);
  }

  /** The QoE cells of the rolled-up days from `from` to `to` (inclusive) matching the filter. Frozen. */
  async qoeBetween(from: string, to: string, filter: CellFilter = {}): Promise<readonly QoeCellRecord[]> {
    return this.cellsBetween('qoe', this.qoe, from, to, filter);
  }

  async learningBetween(
    from: string,
    to: string,
    filter: CellFilter = {},
  ): Promise<readonly LearningCellRecord[]> {
    return this.cellsBetween('learning', this.learning, from, to, filter);
  }

  async markDay(record: RollupDayRecord): Promise<void> {
    const { day, ...rest } = record;
    await this.days.upsertMany([{ ...rest, _id: day, version: randomUUID() }]);
  }

  /** The days rolled up after they had ended, from `from` on. */
  async completeDaysSince(from: string): Promise<Set<string>> {
    const docs = await this.days.find(
      { _id: { $gte: from }, isComplete: true } as Filter<RollupDayDocument>,
      {
        fields: ['_id'],
      },
    );
    return new Set(docs.map((doc) => doc._id));
  }

  private async cellsBetween<K extends 'qoe' | 'learning', C extends QoeCellRecord | LearningCellRecord>(
    kind: K,
    collection: DocumentCollection<CellDocument<C>>,
    from: string,
    to: string,
    filter: CellFilter,
  ): Promise<C[]> {
    const markers = await this.days.find({ _id: { $gte: from, $lte: to } } as Filter<RollupDayDocument>, {
      sort: { _id: 1 },
    });
    const wanted = Object.entries(filter).filter(([, value]) => value !== undefined);
    const result: C[] = [];
    for (const marker of markers) {
      const cells = await this.dayCells(kind, collection, marker._id, marker.version);
      for (const cell of cells) {
        if (wanted.every(([field, value]) => (cell as Record<string, unknown>)[field] === value))
          result.push(cell);
      }
    }
    return result;
  }

  private async dayCells<C>(
    kind: 'qoe' | 'learning',
    collection: DocumentCollection<CellDocument<C>>,
    day: string,
    version: string,
  ): Promise<C[]> {
    let entry = this.cached.get(day);
    if (!entry || entry.version !== version) {
      entry = { version };
      this.cached.delete(day);
      if (this.cached.size >= CACHED_DAYS) this.cached.delete(this.cached.keys().next().value!);
      this.cached.set(day, entry);
    }
    if (!entry[kind]) {
      const docs = await collection.find({ day } as unknown as Filter<CellDocument<C>>, { sort: { day: 1 } });
      const cells = docs.map(({ _id: _ignored, ...cell }) => Object.freeze(cell) as unknown as C);
      (entry as Record<string, unknown>)[kind] = cells;
    }
    return entry[kind] as C[];
  }
}

async function replaceDay<C extends { day: string }>(
  collection: DocumentCollection<CellDocument<C>>,
  day: string,
  docs: CellDocument<C>[],
): Promise<void> {
  if (docs.length > 0) await collection.upsertMany(docs);
  await collection.deleteMany({ day, _id: { $nin: docs.map((doc) => doc._id) } } as Filter<CellDocument<C>>);
}
