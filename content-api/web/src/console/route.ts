// The console's place: `#/<screen>[/<id>]` in the URL fragment (never a token there). One signal, read by the
// shell to pick a screen.
import { createSignal } from 'solid-js';
import type { Screen } from './roles.ts';

export type Route = { screen: Screen | null; id?: string };

export function parseRoute(hash: string): Route {
  const [screen, id] = hash.replace(/^#\/?/, '').split('/').map(decodeURIComponent);
  return { screen: (screen || null) as Screen | null, ...(id ? { id } : {}) };
}

const [route, setRoute] = createSignal<Route>(parseRoute(globalThis.location?.hash ?? ''));
globalThis.addEventListener?.('hashchange', () => setRoute(parseRoute(location.hash)));
export { route };

export function navigate(screen: Screen, id?: string): void {
  location.hash = `#/${screen}${id ? `/${encodeURIComponent(id)}` : ''}`;
}
