import { randomUUID } from 'node:crypto';
import type { DocumentCollection, Filter } from '../db/document-store.ts';

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

  /** Newest first. */
  async list(options: { limit: number; before?: string; actor?: string }): Promise<AuditRecord[]> {
    const filter: Record<string, unknown> = {};
    if (options.before) filter.at = { $lt: options.before };
    if (options.actor) filter.actor = options.actor;
    const docs = await this.audit.find(filter as Filter<AuditDocument>, {
      sort: { at: -1 },
      limit: options.limit,
    });
    return docs.map(({ _id, ...rest }) => ({ id: _id, ...rest }));
  }
}
