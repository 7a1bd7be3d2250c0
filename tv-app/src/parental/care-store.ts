// What the box knows about the watching child's usage, shared by every player page of the session: the
// latest Usage from the server (state/usage.ts: heartbeat answers, PIN actions, the read at playback start)
// and the seconds played since, counted here.
import { createSignal } from 'solid-js';
import type { Household, Profile } from '../api/family-types.ts';
import type { UsageSnapshot } from '../state/usage.ts';
import { addWatched, stateFromUsage, type CareState } from './care-state.ts';

type CareContext = Pick<CareState, 'controls' | 'timeZone'>;

const [careState, setCareState] = createSignal<CareState>();
/** A care card covers the player: the player's own key handling stands aside. */
const [isCareCardShown, setCareCardShown] = createSignal(false);
let context: CareContext = {};
export { careState, isCareCardShown, setCareCardShown };

/** What the server said about the profile's controls and the household clock; kept for later usages. */
export function setCareContext(household: Household, profile: Profile): void {
  context = { controls: profile.controls, timeZone: household.timeZone };
  const current = careState();
  if (current?.usage.profileId === profile.id) setCareState({ ...current, ...context });
}

/** A Usage from the server replaces what the box counted: server time decides. */
export function receiveUsage(snapshot: UsageSnapshot): void {
  setCareState(stateFromUsage(snapshot.usage, snapshot.receivedAt, context));
}

export function countWatched(seconds: number, now = Date.now()): void {
  const current = careState();
  if (current) setCareState(addWatched(current, seconds, now));
}
