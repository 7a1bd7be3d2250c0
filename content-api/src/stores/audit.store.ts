import { randomUUID } from 'node:crypto';
import { AUDIT_CURSOR, type AuditQuery } from '@ketang/contract';
import type { DocumentCollection, Filter } from '../db/document-store.ts';

export type AuditListQuery = Omit<AuditQuery, 'limit'> & { limit: number };
const dayAfter = (day: string) => new Date(Date.parse(`${day}T00:00:00.000Z`) + 86_400_000).toISOString();

/** One change an operator made: who, what, when, and the record before and after. */
export type AuditRecord = {
  id: string;
  at: string;
  actor: string;
  action: string;
  target: string;
  region?: string;
  before?: unknown;
  after?: unknown;
};
type AuditDocument = Omit<AuditRecord, 'id'> & { _id: string };

export class AuditStore {
  constructor(private readonly audit: DocumentCollection<AuditDocument>) {}

  static async createIndexes(audit: DocumentCollection<AuditDocument>): Promise<void> {
    await audit.createIndex({ at: 1 });
  }

  async add(entry: Omit<AuditRecord, 'id' | 'at'>): Promise<AuditRecord> {
    const record: AuditRecord = { ...entry, id: randomUUID(), at: new Date().toISOString() };
    const { id, ...rest } = record;
    await this.audit.upsertMany([{ ...rest, _id: id }]);
    return record;
  }

  /**
   * Newest first (by time, then id), filtered in the store; `next` is the cursor of the following page, absent
   * on the last one. Days are UTC days, inclusive.
   */
  async list(query: AuditListQuery): Promise<{ items: AuditRecord[]; next?: string }> {
    const and: Record<string, unknown>[] = [];
    if (query.actor) and.push({ actor: query.actor });
    if (query.action) and.push({ action: query.action });
    if (query.from) and.push({ at: { $gte: `${query.from}T00:00:00.000Z` } });
    if (query.to) and.push({ at: { $lt: dayAfter(query.to) } });
    if (query.before) and.push({ at: { $lt: query.before } });
    const cursor = query.cursor ? AUDIT_CURSOR.exec(query.cursor) : null;
    if (cursor) {
      const [, at, id] = cursor;
      and.push({ $or: [{ at: { $lt: at } }, { at, _id: { $lt: id } }] });
    }
    const filter = and.length === 0 ? {} : and.length === 1 ? and[0]! : { $and: and };
    const docs = await this.audit.find(filter as Filter<AuditDocument>, {
      sort: { at: -1, _id: -1 },
      limit: query.limit + 1,
    });
    const items = docs.slice(0, query.limit).map(({ _id, ...rest }) => ({ id: _id, ...rest }));
    const last = items.at(-1);
    return docs.length > query.limit && last ? { items, next: `${last.at}~${last.id}` } : { items };
  }
}
