import type { CarrierConfig } from '@ketang/contract';

/** Every region: a carrier whose configuration is national (or names no region) serves the whole country. */
export const ALL_REGIONS = 'all';

/**
 * The regions a carrier serves, as its newest configuration names them: its `region` and the keys of its
 * per-region overrides (`regions`). A carrier's CRM account binds boxes only into these.
 */
export function carrierRegions(config: CarrierConfig): readonly string[] | typeof ALL_REGIONS {
  const named = [config.region, ...Object.keys(config.regions ?? {})].filter(
    (region): region is string => region !== undefined,
  );
  if (named.length === 0 || named.includes('national')) return ALL_REGIONS;
  return [...new Set(named)];
}
