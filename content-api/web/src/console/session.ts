// The operator's session: the bearer token lives in sessionStorage (this tab only, never in a URL). It ends
// when the API says so (401), when its expiry passes, or on sign-out; the sign-in page then says why.
import { createSignal } from 'solid-js';
import { readStored, removeStored, writeStored } from '../shared/storage.ts';
import type { ConsoleRole } from './roles.ts';

export type OperatorSession = { token: string; role: ConsoleRole; expiresAt: string; username: string };
export type EndReason = 'expired' | 'signedOut';

const STORAGE_KEY = 'ketang.console.session';

function readSession(): OperatorSession | null {
  try {
    const stored = JSON.parse(readStored(STORAGE_KEY, 'session') ?? 'null') as OperatorSession | null;
    return stored && Date.parse(stored.expiresAt) > Date.now() ? stored : null;
  } catch {
    return null;
  }
}

const [session, setSession] = createSignal<OperatorSession | null>(readSession());
const [endReason, setEndReason] = createSignal<EndReason | null>(null);
export { session, endReason };

let expiryTimer: ReturnType<typeof setTimeout> | undefined;

function watchExpiry(current: OperatorSession): void {
  clearTimeout(expiryTimer);
  // setTimeout holds at most ~24.8 days; a session is hours long.
  const remaining = Math.min(Date.parse(current.expiresAt) - Date.now(), 2 ** 31 - 1);
  expiryTimer = setTimeout(() => endSession('expired'), Math.max(remaining, 0));
}

export function startSession(next: OperatorSession): void {
  writeStored(STORAGE_KEY, JSON.stringify(next), 'session');
  setEndReason(null);
  setSession(next);
  watchExpiry(next);
}

export function endSession(reason: EndReason): void {
  clearTimeout(expiryTimer);
  removeStored(STORAGE_KEY, 'session');
  if (session()) setEndReason(reason);
  setSession(null);
}

const restored = session();
if (restored) watchExpiry(restored);
