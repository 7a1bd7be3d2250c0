import type { CarrierConfigStore } from '../../stores/carrier-config.store.ts';
import type { Principal } from '../auth.service.ts';
import { ALL_REGIONS, carrierRegions } from './carrier-regions.ts';

const NATIONAL = 'national';

/**
 * Why a carrier's account may not act on a household of `region` and `carrier` (undefined: it may). A carrier's
 * account acts only for its own carrier and in the regions its newest configuration names; any other role is
 * not scoped here. One rule for binding a box and revoking one (docs/activation.md).
 */
export async function carrierScopeRefusal(
  carrierConfigs: CarrierConfigStore,
  principal: Principal,
  household: { region?: string; carrier?: string },
): Promise<string | undefined> {
  if (principal.role !== 'carrier') return undefined;
  const own = principal.carrier;
  if (!own) return `the carrier account "${principal.actor}" names no carrier`;
  const { region, carrier } = household;
  if (carrier !== undefined && carrier !== own)
    return `the carrier account "${principal.actor}" binds boxes for "${own}" only, not "${carrier}"`;
  const config = (await carrierConfigs.latest(own))?.config;
  if (!config) return `carrier "${own}" has no published configuration naming its regions`;
  const regions = carrierRegions(config);
  if (regions === ALL_REGIONS) return undefined;
  if (!region || !regions.includes(region))
    return `carrier "${own}" serves ${regions.join(', ')}; region "${region ?? NATIONAL}" is outside them`;
  return undefined;
}
