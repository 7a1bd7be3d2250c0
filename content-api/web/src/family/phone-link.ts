// The phone link arrives in the URL fragment (`/family/#t=<token>`, never sent to a server or a log). The page
// keeps it in sessionStorage for this tab only and clears the fragment, so the address bar, the history and
// a screenshot of the page no longer show it.
import { readStored, removeStored, writeStored } from '../shared/storage.ts';

const STORAGE_KEY = 'ketang.family.phoneLink';

/** The token in a fragment such as `#t=pl.abc.def`, or null. */
export function readTokenFromHash(hash: string): string | null {
  const token = new URLSearchParams(hash.replace(/^#/, '')).get('t');
  return token && token.trim() ? token.trim() : null;
}

/** Moves a token from the fragment to sessionStorage; answers the token this tab holds, if any. */
export function takePhoneLink(location: Location, history: History): string | null {
  const fromHash = readTokenFromHash(location.hash);
  if (fromHash) {
    writeStored(STORAGE_KEY, fromHash, 'session');
    history.replaceState(history.state, '', location.pathname + location.search);
    return fromHash;
  }
  return readStored(STORAGE_KEY, 'session');
}

/** The phone link this tab holds, without reading the fragment (the activation page adds a box with it). */
export function heldPhoneLink(): string | null {
  return readStored(STORAGE_KEY, 'session');
}

/** A refused token is of no further use: the next visit must come from a fresh scan. */
export function forgetPhoneLink(): void {
  removeStored(STORAGE_KEY, 'session');
}
