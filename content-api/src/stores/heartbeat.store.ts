import type { DocumentCollection, Filter } from '../db/document-store.ts';
import { findInPages } from '../db/find-in-pages.ts';

/** One heartbeat as counted: its id makes a resend count once; its seconds feed the week report. */
export type HeartbeatRecord = {
  id: string;
  householdId: string;
  profileId: string;
  lessonId: string;
  watchedSeconds: number;
  /** The household's local date when the server received it. */
  date: string;
  receivedAt: string;
};
type HeartbeatDocument = Omit<HeartbeatRecord, 'id'> & { _id: string };

// Scoped by profile, so one household's ids can never collide with, or reveal, another's.
const idOf = (profileId: string, id: string) => `${profileId}|${id}`;
export const HEARTBEAT_COLLECTION = 'heartbeats';
export const toHeartbeatDocument = ({ id, ...rest }: HeartbeatRecord): HeartbeatDocument => ({
  ...rest,
  _id: idOf(rest.profileId, id),
});

export class HeartbeatStore {
  constructor(private readonly heartbeats: DocumentCollection<HeartbeatDocument>) {}

  static async createIndexes(heartbeats: DocumentCollection<HeartbeatDocument>): Promise<void> {
    await heartbeats.createIndex({ profileId: 1, date: 1 });
    // A date's heartbeats are read in _id pages (findInPages: `date = ? AND _id > ? ORDER BY _id`): with
    // (date, _id) each page is a range of this index, and the retention's `date < ?` uses its prefix.
    await heartbeats.createIndex({ date: 1, _id: 1 });
  }

  /**
   * Deletes heartbeats counted on local dates before `date` (retention, through the date index); answers how
   * many. A purged id is no longer recognised as a resend: the cut-off lies beyond the longest a box queues.
   */
  async purgeBefore(date: string): Promise<number> {
    return this.heartbeats.deleteMany({ date: { $lt: date } } as Filter<HeartbeatDocument>);
  }

  /** Every heartbeat counted on one local date, all households (the dashboards' daily rollup). */
  async ofDate(date: string): Promise<HeartbeatRecord[]> {
    const docs = await findInPages(this.heartbeats, { date });
    return docs.map(({ _id, ...rest }) => ({ ...rest, id: _id.slice(rest.profileId.length + 1) }));
  }

  /** Which of these (profile, heartbeat id) pairs were already counted, as `profileId|id`. */
  async seen(pairs: readonly { profileId: string; id: string }[]): Promise<Set<string>> {
    if (pairs.length === 0) return new Set();
    const ids = pairs.map((pair) => idOf(pair.profileId, pair.id));
    // At most one document per id: the limit makes it one statement on the embedded store, not chunks.
    const docs = await this.heartbeats.find({ _id: { $in: ids } } as Filter<HeartbeatDocument>, {
      fields: ['_id'],
      limit: ids.length,
    });
    return new Set(docs.map((doc) => doc._id));
  }

  async saveMany(records: readonly HeartbeatRecord[]): Promise<void> {
    await this.heartbeats.upsertMany(records.map(toHeartbeatDocument));
  }

  async between(profileId: string, from: string, to: string): Promise<HeartbeatRecord[]> {
    const docs = await this.heartbeats.find({
      profileId,
      date: { $gte: from, $lte: to },
    } as Filter<HeartbeatDocument>);
    return docs.map(({ _id, ...rest }) => ({ ...rest, id: _id.slice(rest.profileId.length + 1) }));
  }

  async deleteProfile(profileId: string): Promise<void> {
    await this.heartbeats.deleteMany({ profileId } as Filter<HeartbeatDocument>);
  }
}

export const heartbeatKey = idOf;
