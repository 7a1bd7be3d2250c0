// What the box knows about the watching child's usage, shared by every player page of the session: the last
// Usage the server sent (heartbeat answers, PIN actions, the read at playback start) and the count since.
import { createSignal } from 'solid-js';
import { readStored } from '../state/storage.ts';
import { addWatched, stateFromUsage, type CareState } from './care-state.ts';
import type { Household, Profile, Usage } from './family.types.ts';

/** Where the household client keeps the profile on the sofa (written when a child is picked). */
export const WATCHING_PROFILE_KEY = 'ketang.profileId';

type CareContext = Pick<CareState, 'controls' | 'timeZone'>;

const [careState, setCareState] = createSignal<CareState>();
let context: CareContext = {};
export { careState };

/** The profile watching now: the one picked on this box, else the household's first child. */
export function watchingProfile(household: Household): Profile | undefined {
  const picked = readStored(WATCHING_PROFILE_KEY);
  return (
    household.profiles.find((p) => p.id === picked) ?? household.profiles.find((p) => p.kind === 'child')
  );
}

/** What the server said about the profile's controls and the household clock; kept for later usages. */
export function setCareContext(household: Household, profile: Profile): void {
  context = { controls: profile.controls, timeZone: household.timeZone };
  const current = careState();
  if (current?.usage.profileId === profile.id) setCareState({ ...current, ...context });
}

/** A Usage from the server replaces what the box counted: server time decides. */
export function receiveUsage(usage: Usage, now = Date.now()): void {
  setCareState(stateFromUsage(usage, now, context));
}

export function countWatched(seconds: number, now = Date.now()): void {
  const current = careState();
  if (current) setCareState(addWatched(current, seconds, now));
}
