import type { DocumentCollection, Filter } from '../db/document-store.ts';
import { ReadCache, WATCHING_CACHE } from './read-cache.ts';

/** One profile's watching on one local day of its household (server time decides the day). */
export type UsageRecord = {
  householdId: string;
  profileId: string;
  date: string;
  usedSeconds: number;
  secondsSinceBreak: number;
  breakEndsAt: string | null;
  /** Minutes a parent added today, in seconds. */
  extraSeconds: number;
  /** Server time of the last heartbeat that counted watching: a long enough pause is a rest. */
  lastWatchedAt: string | null;
};
type UsageDocument = UsageRecord & { _id: string };

export const USAGE_COLLECTION = 'usage';
const idOf = (profileId: string, date: string) => `${profileId}|${date}`;
export const usageKey = (record: UsageRecord) => idOf(record.profileId, record.date);
export const toUsageDocument = (record: UsageRecord): UsageDocument => ({
  ...record,
  _id: idOf(record.profileId, record.date),
});
const toRecord = ({ _id: _ignored, ...record }: UsageDocument): UsageRecord => record;

/**
 * Usage per profile per day. A day's record (read and written on every heartbeat) is kept in a ReadCache that
 * every write keeps current; WatchingStore writes through the same cache.
 */
export class UsageStore {
  constructor(
    private readonly usage: DocumentCollection<UsageDocument>,
    readonly cache = new ReadCache<UsageRecord>(WATCHING_CACHE),
  ) {}

  static async createIndexes(usage: DocumentCollection<UsageDocument>): Promise<void> {
    await usage.createIndex({ profileId: 1, date: 1 });
  }

  /** Frozen: copy to change. */
  async get(profileId: string, date: string): Promise<UsageRecord | undefined> {
    const id = idOf(profileId, date);
    return this.cache.get(id, async () => {
      const doc = await this.usage.findOne({ _id: id } as Filter<UsageDocument>);
      return doc ? toRecord(doc) : undefined;
    });
  }

  async saveMany(records: readonly UsageRecord[]): Promise<void> {
    const docs = records.map(toUsageDocument);
    await this.cache.writeMany(
      records.map((record) => [usageKey(record), record]),
      () => this.usage.upsertMany(docs),
    );
  }

  /** Days from `from` (inclusive) to `to` (inclusive), by date. */
  async between(profileId: string, from: string, to: string): Promise<UsageRecord[]> {
    const docs = await this.usage.find(
      { profileId, date: { $gte: from, $lte: to } } as Filter<UsageDocument>,
      { sort: { date: 1 } },
    );
    return docs.map(toRecord);
  }

  async deleteProfile(profileId: string): Promise<void> {
    await this.cache.change(
      (_key, record) => record.profileId === profileId,
      () => this.usage.deleteMany({ profileId } as Filter<UsageDocument>),
    );
  }
}
