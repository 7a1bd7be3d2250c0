import { createHash } from 'node:crypto';

/** The k of k-anonymity: a cell with fewer distinct households than this is never shown. */
export const K_ANONYMITY = 10;

/**
 * The distinct households of a cell, exact below k and mergeable across cells and days: the (hashed) ids are
 * kept only while there are fewer than k; from k on only the count stays (a lower bound once merged). So
 * "at least k?" is answered exactly for any union of cells, at a bounded size (≤ k − 1 ids a cell-day),
 * which is all suppression needs. (A HyperLogLog sketch would estimate larger counts, but an estimate can
 * err at exactly the threshold that protects a child.)
 */
export type HouseholdSet = { count: number; ids: string[] };

export const EMPTY_HOUSEHOLDS: HouseholdSet = { count: 0, ids: [] };

/** A household id as kept in rollups: a short one-way hash, never the id itself. */
export function hashHousehold(householdId: string): string {
  return createHash('sha256').update(householdId).digest('base64url').slice(0, 16);
}

/** The set of these (already hashed) distinct ids. */
export function householdsOf(hashedIds: Iterable<string>): HouseholdSet {
  const ids = [...new Set(hashedIds)];
  return ids.length >= K_ANONYMITY ? { count: ids.length, ids: [] } : { count: ids.length, ids };
}

export function mergeHouseholds(a: HouseholdSet, b: HouseholdSet): HouseholdSet {
  if (a.count >= K_ANONYMITY || b.count >= K_ANONYMITY) {
    return { count: Math.max(a.count, b.count), ids: [] };
  }
  return householdsOf([...a.ids, ...b.ids]);
}

export const isAnonymous = (households: HouseholdSet) => households.count >= K_ANONYMITY;
