// The latest Usage the server answered to a heartbeat (docs/family.md), for whoever enforces the day's
// limits on the box (the break card, quota and bedtime screens), and what the box last knew of each profile's
// day kept in localStorage (`ketang.usage`), so a box restarted offline still enforces it. Shape documented in
// docs/tv-app.md.
import { createSignal } from 'solid-js';
import type { Usage } from '../api/family-types.ts';
import { fromStored, toStored, type CareState, type StoredCareState } from '../parental/care-state.ts';
import { readStoredJson, writeStored } from './storage.ts';

const STORAGE_KEY = 'ketang.usage';

/** The wall clock once at start, then the steady performance clock: moving the box's clock moves nothing. */
const STARTED_AT = Date.now() - (typeof performance === 'undefined' ? 0 : performance.now());

/** The box's clock for counting care time (ms since 1970, as Date.now() was when the app started). */
export function boxNow(): number {
  return typeof performance === 'undefined' ? Date.now() : STARTED_AT + performance.now();
}

/** `receivedAt` is the box's clock (`boxNow()`) when the answer arrived: count down locally from there. */
export type UsageSnapshot = { usage: Usage; receivedAt: number };

const [latestUsage, setLatestUsage] = createSignal<Readonly<Record<string, UsageSnapshot>>>({});

/** The latest Usage of a profile, or undefined before its first heartbeat answer. */
export function usageOf(profileId: string): UsageSnapshot | undefined {
  return latestUsage()[profileId];
}

export function recordUsage(usages: readonly Usage[], receivedAt = boxNow()): void {
  if (usages.length === 0) return;
  setLatestUsage((known) => {
    const next = { ...known };
    for (const usage of usages) next[usage.profileId] = { usage, receivedAt };
    return next;
  });
}

type StoredCare = Record<string, StoredCareState>;
let stored: StoredCare | undefined;

function storedCare(): StoredCare {
  stored ??= readStoredJson<StoredCare>(STORAGE_KEY) ?? {};
  return stored;
}

/** Keeps what the box knows of a profile's day (usage, controls, its own count) with the server time now. */
export function rememberCare(state: CareState, now = boxNow()): void {
  stored = { ...storedCare(), [state.usage.profileId]: toStored(state, now) };
  writeStored(STORAGE_KEY, JSON.stringify(stored));
}

/** What the box last knew of a profile's day, carried to `now` (a previous run's included), or undefined. */
export function recallCare(profileId: string, now = boxNow()): CareState | undefined {
  const found = storedCare()[profileId];
  const isValid =
    typeof found?.serverAt === 'number' &&
    typeof found.boxAt === 'number' &&
    found.state?.usage?.profileId === profileId;
  return isValid ? fromStored(found, now) : undefined;
}
