import type { DocumentCollection, Filter } from '../db/document-store.ts';
import type { LearningDimensions, LearningTally } from '../services/dashboards/learning-tally.ts';
import type { QoeDimensions, QoeTally } from '../services/dashboards/qoe-tally.ts';

export type QoeCellRecord = { day: string } & QoeDimensions & QoeTally;
export type LearningCellRecord = { day: string } & LearningDimensions & LearningTally;
type CellDocument<C> = C & { _id: string };
/** When a day was last rolled up, and whether the day had ended everywhere by then (no more events). */
export type RollupDayRecord = { day: string; rolledAt: string; isComplete: boolean };
type RollupDayDocument = Omit<RollupDayRecord, 'day'> & { _id: string };

const cellId = (cell: { day: string }, dimensions: readonly string[]) =>
  [cell.day, ...dimensions].map(encodeURIComponent).join('|');

/** Per-dimension filters a dashboard query narrows by (equality on the stored dimension). */
export type CellFilter = Record<string, string | undefined>;

/**
 * The daily rollups the dashboards read: one document per (day, dimensions) cell, kept after the raw events
 * are purged. Replacing a day is idempotent: its new cells are written, then the day's other cells removed.
 */
export class DashboardRollupStore {
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

  async qoeBetween(from: string, to: string, filter: CellFilter = {}): Promise<QoeCellRecord[]> {
    return cellsBetween(this.qoe, from, to, filter);
  }

  async learningBetween(from: string, to: string, filter: CellFilter = {}): Promise<LearningCellRecord[]> {
    return cellsBetween(this.learning, from, to, filter);
  }

  async markDay(record: RollupDayRecord): Promise<void> {
    const { day, ...rest } = record;
    await this.days.upsertMany([{ ...rest, _id: day }]);
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
}

async function replaceDay<C extends { day: string }>(
  collection: DocumentCollection<CellDocument<C>>,
  day: string,
  docs: CellDocument<C>[],
): Promise<void> {
  if (docs.length > 0) await collection.upsertMany(docs);
  await collection.deleteMany({ day, _id: { $nin: docs.map((doc) => doc._id) } } as Filter<CellDocument<C>>);
}

async function cellsBetween<C extends { day: string }>(
  collection: DocumentCollection<CellDocument<C>>,
  from: string,
  to: string,
  filter: CellFilter,
): Promise<C[]> {
  const where: Record<string, unknown> = { day: { $gte: from, $lte: to } };
  for (const [field, value] of Object.entries(filter)) if (value !== undefined) where[field] = value;
  const docs = await collection.find(where as Filter<CellDocument<C>>);
  return docs.map(({ _id: _ignored, ...cell }) => cell as unknown as C);
}
