import type { DocumentCollection, Filter, StoredDocument } from './document-store.ts';

/** Documents per statement: a page of the embedded store's synchronous work stays a few milliseconds. */
export const PAGE = 2_000;

export type PageOptions = {
  /**
   * Page in (`orderBy`, _id) order, for a range filter on `orderBy`: each page seeks past the last
   * (value, _id) read, through an index on (`orderBy`, _id). Without it pages go in _id order, which suits
   * an equality filter with an index on (field, _id).
   */
  orderBy?: string;
  /** For tests of page boundaries. */
  pageSize?: number;
};

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Every document matching `filter`, read a page per statement with keyset paging (never `skip`), with a turn
 * of the event loop between pages: the embedded store answers synchronously, so a day's 25,000 records read
 * back to back would hold every request until the last page. For large reads by an indexed field (a day's
 * reports, heartbeats or completions): each page is one range of the index, without sorting the rest.
 */
export async function findInPages<T extends StoredDocument>(
  collection: DocumentCollection<T>,
  filter: Record<string, unknown>,
  options: PageOptions = {},
): Promise<T[]> {
  const limit = options.pageSize ?? PAGE;
  const field = options.orderBy;
  const all: T[] = [];
  for (let last: T | undefined; ;) {
    const page = await collection.find(
      (field ? afterByField(filter, field, last) : { ...filter, _id: { $gt: last?._id ?? '' } }) as Filter<T>,
      { sort: field ? { [field]: 1, _id: 1 } : { _id: 1 }, limit },
    );
    all.push(...page);
    if (page.length < limit) return all;
    last = page.at(-1)!;
    await nextTurn();
  }
}

/** The filter's documents after `last` in (field, _id) order: a range from its value, then past it by _id. */
function afterByField(filter: Record<string, unknown>, field: string, last: StoredDocument | undefined) {
  if (!last) return filter;
  const value = (last as unknown as Record<string, unknown>)[field];
  return {
    $and: [
      filter,
      { [field]: { $gte: value } },
      { $or: [{ [field]: { $gt: value } }, { _id: { $gt: last._id } }] },
    ],
  };
}
