// The overnight prefetch's settings (carrier.json `prefetch`): how many bytes the box may keep, and the
// local-time window it runs in. Validation errors name the field.
export type PrefetchConfig = {
  enabled: boolean;
  budgetBytes: number;
  /** Local hours [startHour, endHour), e.g. 1–5 for 01:00–05:00. */
  startHour: number;
  endHour: number;
};

export const DEFAULT_PREFETCH: PrefetchConfig = {
  enabled: true,
  budgetBytes: 500 * 1024 * 1024,
  startHour: 1,
  endHour: 5,
};

export function parsePrefetchConfig(raw: unknown, base = DEFAULT_PREFETCH): PrefetchConfig {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw))
    throw new Error('prefetch: expected an object');
  const merged = { ...base, ...(raw as Partial<PrefetchConfig>) };
  if (typeof merged.enabled !== 'boolean') throw new Error('prefetch.enabled: expected true or false');
  if (!(Number.isInteger(merged.budgetBytes) && merged.budgetBytes >= 0)) {
    throw new Error('prefetch.budgetBytes: expected a whole number of bytes ≥ 0');
  }
  for (const field of ['startHour', 'endHour'] as const) {
    const hour = merged[field];
    if (!(Number.isInteger(hour) && hour >= 0 && hour <= 24))
      throw new Error(`prefetch.${field}: expected an hour 0–24`);
  }
  return merged;
}
