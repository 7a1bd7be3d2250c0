// Where focus was on each screen, so Back lands on the same rail and tile. Keyed by route path;
// values are item keys (not indexes), so a reordered or refreshed list still finds its item.
export type FocusSpot = { group?: string; item?: string };

const spots = new Map<string, FocusSpot>();

export function rememberFocus(route: string, spot: FocusSpot): void {
  spots.set(route, spot);
}

export function recallFocus(route: string): FocusSpot {
  return spots.get(route) ?? {};
}

/** Index of `key` in `keys`, or 0 when it is gone: focus always lands somewhere. */
export function indexOrFirst(keys: readonly string[], key: string | undefined): number {
  const index = key === undefined ? -1 : keys.indexOf(key);
  return index < 0 ? 0 : index;
}
