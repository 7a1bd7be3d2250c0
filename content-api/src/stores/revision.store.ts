import type { DocumentCollection, Filter } from '../db/document-store.ts';

type RevisionDocument = { _id: string; revision: number; updatedAt: string };
const CATALOGUE = 'catalogue';

/**
 * The catalogue revision: bumped by every write devices can see. Read caches, the facet counts and the search
 * index are keyed by it, so several API instances on one MongoDB stay consistent.
 */
export class RevisionStore {
  /** `key` names the counter: the catalogue's by default; releases keep their own (`releases`). */
  constructor(
    private readonly meta: DocumentCollection<RevisionDocument>,
    private readonly key = CATALOGUE,
  ) {}

  async read(): Promise<number> {
    const doc = await this.meta.findOne({ _id: this.key } as Filter<RevisionDocument>);
    return doc?.revision ?? 0;
  }

  async bump(): Promise<number> {
    const revision = (await this.read()) + 1;
    await this.meta.upsertMany([{ _id: this.key, revision, updatedAt: new Date().toISOString() }]);
    return revision;
  }
}
