import { describe, expect, it } from 'vitest';
import { hashHousehold, householdsOf, K_ANONYMITY, mergeHouseholds } from './household-set.ts';
import { ttffQuantile, TTFF_BOUNDS_MS } from './qoe-tally.ts';
import { suppress, type Grouped } from './suppression.ts';

const households = (from: number, count: number) =>
  householdsOf(Array.from({ length: count }, (_, i) => hashHousehold(`h${from + i}`)));
const cell = (key: string, from: number, count: number, views = count): Grouped<{ views: number }> => ({
  key,
  tally: { views, households: households(from, count) },
});

describe('k-anonymity', () => {
  it('is exact at k across merges: the same 9 households twice stay 9, one more makes 10', () => {
    const nine = households(0, 9);
    expect(mergeHouseholds(nine, nine).count).toBe(9);
    expect(mergeHouseholds(nine, households(8, 2)).count).toBe(K_ANONYMITY);
    expect(mergeHouseholds(nine, households(8, 2)).ids).toEqual([]);
  });

  it('suppresses 9, shows 10, and hides the least cell that would reveal a suppressed one', () => {
    const cells = [cell('a', 0, 9), cell('b', 100, 10), cell('c', 200, 30)];
    const total = cell('total', 0, 0);
    total.tally.households = cells.reduce(
      (all, one) => mergeHouseholds(all, one.tally.households),
      total.tally.households,
    );
    const released = suppress(cells, total, (tally) => tally.views);
    expect(released.cells.map((one) => [one.key, one.suppressed])).toEqual([
      ['a', true],
      ['b', true],
      ['c', false],
    ]);
    expect(released.total.suppressed).toBe(false);
    // Alone, 10 households are shown.
    expect(suppress([cell('b', 100, 10)], cell('total', 100, 10), () => 0).cells[0]!.suppressed).toBe(false);
  });

  it('suppresses everything when all of it is under k', () => {
    const released = suppress([cell('a', 0, 4), cell('b', 10, 4)], cell('total', 0, 8), () => 0);
    expect(released.cells.every((one) => one.suppressed)).toBe(true);
    expect(released.total.suppressed).toBe(true);
  });
});

describe('time to first frame quantiles', () => {
  it('interpolates within the bucket and says "at least" in the open one', () => {
    const buckets = TTFF_BOUNDS_MS.map(() => 0).concat(0);
    buckets[3] = 10; // 750–1000 ms
    expect(ttffQuantile(buckets, 0.5)).toBe(875);
    buckets[buckets.length - 1] = 90;
    expect(ttffQuantile(buckets, 0.95)).toBe(TTFF_BOUNDS_MS.at(-1));
    expect(
      ttffQuantile(
        buckets.map(() => 0),
        0.5,
      ),
    ).toBeNull();
  });
});
