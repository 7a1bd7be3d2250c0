import type { DocumentCollection, Filter } from '../db/document-store.ts';

/** Failed logins in a row for one username (known or not), and until when it is locked. */
export type LoginFailureRecord = { username: string; failures: number; lastAt: string; lockedUntil?: string };
type LoginFailureDocument = Omit<LoginFailureRecord, 'username'> & { _id: string };

/** Kept in the store, so a lockout survives a restart. */
export class LoginFailureStore {
  constructor(private readonly failures: DocumentCollection<LoginFailureDocument>) {}

  static async createIndexes(failures: DocumentCollection<LoginFailureDocument>): Promise<void> {
    await failures.createIndex({ lastAt: 1 });
  }

  async get(username: string): Promise<LoginFailureRecord | null> {
    const doc = await this.failures.findOne({ _id: username } as Filter<LoginFailureDocument>);
    if (!doc) return null;
    const { _id, ...rest } = doc;
    return { username: _id, ...rest };
  }

  async put(record: LoginFailureRecord): Promise<void> {
    const { username, ...rest } = record;
    await this.failures.upsertMany([{ ...rest, _id: username }]);
  }

  async clear(username: string): Promise<void> {
    await this.failures.deleteMany({ _id: username } as Filter<LoginFailureDocument>);
  }

  /** Forgets records whose last failure is older than `before` and that are not locked any more. */
  async purge(before: string, now: string): Promise<number> {
    return this.failures.deleteMany({
      lastAt: { $lt: before },
      $or: [{ lockedUntil: { $exists: false } }, { lockedUntil: { $lt: now } }],
    } as Filter<LoginFailureDocument>);
  }
}
