import type { DocumentCollection, Filter } from '../db/document-store.ts';
import { findInPages } from '../db/find-in-pages.ts';
import { ReadCache, WATCHING_CACHE } from './read-cache.ts';

/** Where one profile is in one lesson, merged over every box of the household. */
export type ProgressRecord = {
  householdId: string;
  profileId: string;
  lessonId: string;
  periodId?: string;
  positionSeconds: number;
  durationSeconds: number;
  watchedSeconds: number;
  rewoundSeconds: number;
  completed: boolean;
  /** When it first became completed (server time), for the week report. */
  completedAt?: string;
  updatedAt: string;
};
type ProgressDocument = ProgressRecord & { _id: string };

export const PROGRESS_COLLECTION = 'progress';
const idOf = (profileId: string, lessonId: string) => `${profileId}|${lessonId}`;
export const progressKey = (record: ProgressRecord) => idOf(record.profileId, record.lessonId);
export const toProgressDocument = (record: ProgressRecord): ProgressDocument => ({
  ...record,
  _id: idOf(record.profileId, record.lessonId),
});
const toRecord = ({ _id: _ignored, ...record }: ProgressDocument): ProgressRecord => record;

/**
 * Progress per (profile, lesson). Reads answer all of one profile, or one profile for given lessons. The records
 * heartbeats merge into (`latest`) are kept in a ReadCache that every write keeps current; WatchingStore writes
 * through the same cache.
 */
export class ProgressStore {
  constructor(
    private readonly progress: DocumentCollection<ProgressDocument>,
    readonly cache = new ReadCache<ProgressRecord>(WATCHING_CACHE),
  ) {}

  static async createIndexes(progress: DocumentCollection<ProgressDocument>): Promise<void> {
    await progress.createIndex({ profileId: 1, updatedAt: -1 });
    // A day's completions are read in (completedAt, _id) pages (findInPages): each page is a range of this index.
    await progress.createIndex({ completedAt: 1, _id: 1 });
  }

  /** Progress first completed in [from, to) (server time), all households (the dashboards' daily rollup). */
  async completedBetween(from: string, to: string): Promise<ProgressRecord[]> {
    const docs = await findInPages(
      this.progress,
      { completedAt: { $gte: from, $lt: to } },
      { orderBy: 'completedAt' },
    );
    return docs.map(toRecord);
  }

  /** Writes (batched with others arriving together when the collection is coalesced); resolves when durable. */
  async saveMany(records: readonly ProgressRecord[]): Promise<void> {
    const docs = records.map(toProgressDocument);
    await this.cache.writeMany(
      records.map((record) => [progressKey(record), record]),
      () => this.progress.upsertMany(docs),
    );
  }

  /** One profile's progress in these lessons, by lesson id (frozen: copy to change); from the cache first. */
  async latest(profileId: string, lessonIds: readonly string[]): Promise<Map<string, ProgressRecord>> {
    const found = await this.cache.getMany(
      lessonIds.map((lessonId) => idOf(profileId, lessonId)),
      async (ids) => {
        const docs = await this.progress.find({ _id: { $in: ids } } as Filter<ProgressDocument>, {
          limit: ids.length,
        });
        return new Map(docs.map((doc) => [doc._id, toRecord(doc)]));
      },
    );
    return new Map([...found.values()].map((record) => [record.lessonId, record]));
  }

  /** Every lesson of one profile, most recent first. */
  async ofProfile(profileId: string): Promise<ProgressRecord[]> {
    const docs = await this.progress.find({ profileId } as Filter<ProgressDocument>, {
      sort: { updatedAt: -1 },
    });
    return docs.map(toRecord);
  }

  /** One profile's progress in these lessons (by _id, so one index lookup each), most recent first. */
  async forLessons(profileId: string, lessonIds: readonly string[]): Promise<ProgressRecord[]> {
    if (lessonIds.length === 0) return [];
    const ids = lessonIds.map((lessonId) => idOf(profileId, lessonId));
    const docs = await this.progress.find({ _id: { $in: ids } } as Filter<ProgressDocument>, {
      sort: { updatedAt: -1 },
    });
    return docs.map(toRecord);
  }

  async deleteProfile(profileId: string): Promise<void> {
    await this.cache.change(
      (_key, record) => record.profileId === profileId,
      () => this.progress.deleteMany({ profileId } as Filter<ProgressDocument>),
    );
  }
}
