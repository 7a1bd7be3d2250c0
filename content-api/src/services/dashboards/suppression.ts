import { EMPTY_HOUSEHOLDS, isAnonymous, mergeHouseholds, type HouseholdSet } from './household-set.ts';

export type Grouped<T> = { key: string; tally: T & { households: HouseholdSet } };
export type Released<T> = Grouped<T> & { suppressed: boolean };

/**
 * k-anonymity for one answer (docs/dashboards.md): a cell behind fewer than k distinct households is
 * suppressed; and so that the total minus the shown cells cannot reveal them, more cells (the smallest
 * first) are suppressed until the suppressed cells together stand for at least k households. The total is
 * suppressed when it is itself under k. So every shown figure, and every difference of the total and shown
 * cells, covers at least k households. Merged counts are lower bounds from k on, so ties are broken by
 * `weight` (the cell's sessions or views): the least informative cell is the one given up.
 */
export function suppress<T>(
  cells: readonly Grouped<T>[],
  total: Grouped<T>,
  weight: (tally: T) => number,
): {
  cells: Released<T>[];
  total: Released<T>;
} {
  const released = cells.map((cell) => ({ ...cell, suppressed: !isAnonymous(cell.tally.households) }));
  let hidden: HouseholdSet = EMPTY_HOUSEHOLDS;
  for (const cell of released) if (cell.suppressed) hidden = mergeHouseholds(hidden, cell.tally.households);
  if (released.some((cell) => cell.suppressed)) {
    const shown = released
      .filter((cell) => !cell.suppressed)
      .sort(
        (a, b) =>
          a.tally.households.count - b.tally.households.count ||
          weight(a.tally) - weight(b.tally) ||
          a.key.localeCompare(b.key),
      );
    for (const cell of shown) {
      if (isAnonymous(hidden)) break;
      cell.suppressed = true;
      hidden = mergeHouseholds(hidden, cell.tally.households);
    }
  }
  return { cells: released, total: { ...total, suppressed: !isAnonymous(total.tally.households) } };
}
