// The console's place: `#/<screen>[/<id>][?carrier=<id>]` in the URL fragment (never a token there). One
// signal, read by the shell to pick a screen and by the channels, releases and home layouts screens for their
// carrier.
import { createSignal } from 'solid-js';
import type { Screen } from './roles.ts';

/** Every carrier of the region: what a scope without `?carrier=` means (the API's `all`). */
export const ALL_CARRIERS = 'all';
const CARRIER_PATTERN = /^(all|[a-z][a-z0-9-]{1,39})$/;

export type Route = { screen: Screen | null; id?: string; carrier?: string };

export function parseRoute(hash: string): Route {
  const [place = '', query = ''] = hash.replace(/^#\/?/, '').split('?');
  const [screen, id] = place.split('/').map(decodeURIComponent);
  const carrier = new URLSearchParams(query).get('carrier');
  return {
    screen: (screen || null) as Screen | null,
    ...(id ? { id } : {}),
    ...(carrier && carrier !== ALL_CARRIERS && CARRIER_PATTERN.test(carrier) ? { carrier } : {}),
  };
}

/** The fragment of a place; the carrier is left out when it is every carrier. */
export function placeOf(route: Route): string {
  const id = route.id ? `/${encodeURIComponent(route.id)}` : '';
  const carrier = route.carrier && route.carrier !== ALL_CARRIERS ? `?carrier=${route.carrier}` : '';
  return `#/${route.screen ?? ''}${id}${carrier}`;
}

const [route, setRoute] = createSignal<Route>(parseRoute(globalThis.location?.hash ?? ''));
globalThis.addEventListener?.('hashchange', () => setRoute(parseRoute(location.hash)));
export { route };

/** Goes to a screen, keeping the carrier chosen. */
export function navigate(screen: Screen, id?: string): void {
  location.hash = placeOf({ screen, ...(id ? { id } : {}), carrier: route().carrier });
}

/** The carrier the channels, releases and home layouts screens work on (`all`: the region's whole scope). */
export const carrier = (): string => route().carrier ?? ALL_CARRIERS;

export function setCarrier(next: string): void {
  location.hash = placeOf({ ...route(), carrier: next });
}
