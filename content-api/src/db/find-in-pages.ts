import type { DocumentCollection, Filter, StoredDocument } from './document-store.ts';

const PAGE = 2_000;

/**
 * Every document matching `filter`, read a page per statement in _id order (`_id > last`, limited). For
 * large reads by an indexed field (a day's reports or heartbeats): an unsorted read on the embedded store
 * walks the table in rowid chunks, re-reading the index's matches for each; pages keep each statement
 * short on both backends.
 */
export async function findInPages<T extends StoredDocument>(
  collection: DocumentCollection<T>,
  filter: Record<string, unknown>,
): Promise<T[]> {
  const all: T[] = [];
  for (let after = ''; ;) {
    const page = await collection.find({ ...filter, _id: { $gt: after } } as Filter<T>, {
      sort: { _id: 1 },
      limit: PAGE,
    });
    all.push(...page);
    if (page.length < PAGE) return all;
    after = page.at(-1)!._id;
  }
}
