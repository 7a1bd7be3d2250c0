import type { OperatorRole } from '@ketang/contract';
import type { DocumentCollection, Filter } from '../db/document-store.ts';

export type OperatorRecord = {
  username: string;
  role: OperatorRole;
  /** A `carrier` account's carrier (its regions bound what it may bind). */
  carrier?: string;
  passwordHash: string;
  createdAt: string;
};
type OperatorDocument = OperatorRecord & { _id: string };

export type SessionRecord = { username: string; role: OperatorRole; carrier?: string; expiresAt: string };
/** Sessions are keyed by the sha256 of their token: a leaked store holds no usable token. */
type SessionDocument = SessionRecord & { _id: string };

/** Operator accounts and their login sessions. */
export class OperatorStore {
  constructor(
    private readonly operators: DocumentCollection<OperatorDocument>,
    private readonly sessions: DocumentCollection<SessionDocument>,
  ) {}

  async get(username: string): Promise<OperatorRecord | null> {
    const doc = await this.operators.findOne({ _id: username } as Filter<OperatorDocument>);
    return doc ? strip(doc) : null;
  }

  async list(): Promise<OperatorRecord[]> {
    return (await this.operators.find({}, { sort: { _id: 1 } })).map(strip);
  }

  async count(): Promise<number> {
    return this.operators.count({});
  }

  async put(operator: OperatorRecord): Promise<void> {
    await this.operators.upsertMany([{ ...operator, _id: operator.username }]);
  }

  async saveSession(tokenHash: string, session: SessionRecord): Promise<void> {
    await this.sessions.upsertMany([{ ...session, _id: tokenHash }]);
  }

  async session(tokenHash: string): Promise<SessionRecord | null> {
    const doc = await this.sessions.findOne({ _id: tokenHash } as Filter<SessionDocument>);
    return doc ? strip(doc) : null;
  }

  async removeExpiredSessions(now: string): Promise<void> {
    await this.sessions.deleteMany({ expiresAt: { $lt: now } } as Filter<SessionDocument>);
  }
}

function strip<T extends { _id: string }>(doc: T): Omit<T, '_id'> {
  const { _id: _ignored, ...record } = doc;
  return record;
}
