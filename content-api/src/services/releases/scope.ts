import type { Channel, TimetableSlot } from '@ketang/catalog';
import { ALL_CARRIERS } from '@ketang/contract';
import { NATIONAL } from '../../stores/curation.store.ts';

/** Where a draft and its releases apply: a region and a carrier (`all` for every carrier of the region). */
export type Scope = { region: string; carrier: string };

/** What a device says about itself when it reads channels. */
export type DeviceScope = { region?: string; carrier?: string; preview?: string };

export const scopeKey = (scope: Scope): string => `${scope.region}|${scope.carrier}`;

/**
 * The scopes whose release a device of `scope` sees, most specific first: region+carrier → region+all →
 * national+all (the catalogue's channels come after, when none of them has a release).
 */
export function fallbackScopes(scope: DeviceScope): Scope[] {
  const region = scope.region ?? NATIONAL;
  const carrier = scope.carrier ?? ALL_CARRIERS;
  const chain: Scope[] = [{ region, carrier }];
  if (carrier !== ALL_CARRIERS) chain.push({ region, carrier: ALL_CARRIERS });
  if (region !== NATIONAL) chain.push({ region: NATIONAL, carrier: ALL_CARRIERS });
  return chain;
}

/** A channel as drafted and released: the catalogue's channel plus its catch-up window. */
export type ScheduledChannel = Channel & { catchUpHours: number };

/** A slot as drafted and released (the channel is the key it is stored under). */
export type ScheduledSlot = Omit<TimetableSlot, 'channelId'>;

/** Catch-up window of a catalogue channel, which has none of its own: the child's week of missed lessons. */
export const DEFAULT_CATCH_UP_HOURS = 168;

export function toScheduledChannel(channel: Channel & { catchUpHours?: number }): ScheduledChannel {
  return { ...channel, catchUpHours: channel.catchUpHours ?? DEFAULT_CATCH_UP_HOURS };
}
