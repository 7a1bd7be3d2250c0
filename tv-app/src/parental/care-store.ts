// What the box knows about the watching child's usage, shared by every player page of the session: the
// latest Usage from the server (state/usage.ts: heartbeat answers, PIN actions, the read at playback start)
// and the seconds played since, counted here. Every change is kept (state/usage.ts rememberCare), so a box
// restarted without the network starts from what it last knew (recallCareOf).
import { createSignal, untrack } from 'solid-js';
import type { Household, Profile } from '../api/family-types.ts';
import { boxNow, recallCare, rememberCare, type UsageSnapshot } from '../state/usage.ts';
import { addWatched, stateFromUsage, type CareState } from './care-state.ts';

type CareContext = Pick<CareState, 'controls' | 'timeZone'>;

const [careState, setCareState] = createSignal<CareState>();
/** A care card covers the player: the player's own key handling stands aside. */
const [isCareCardShown, setCareCardShown] = createSignal(false);
/** The controls and time zone last read from the server, and whose they are. */
let context: CareContext & { profileId?: string } = {};
export { careState, isCareCardShown, setCareCardShown };

function update(state: CareState, now = boxNow()): void {
  setCareState(state);
  rememberCare(state, now);
}

/** What the server said about the profile's controls and the household clock; kept for later usages. */
export function setCareContext(household: Household, profile: Profile): void {
  const known = { controls: profile.controls, timeZone: household.timeZone };
  context = { ...known, profileId: profile.id };
  const current = untrack(careState);
  if (current?.usage.profileId === profile.id) update({ ...current, ...known });
}

/** A Usage from the server replaces what the box counted: server time decides. */
export function receiveUsage(snapshot: UsageSnapshot): void {
  const { profileId } = snapshot.usage;
  // Untracked: the gate calls this from an effect, which must not rerun on the state it sets.
  const current = untrack(careState);
  // The controls read with the household, else those known before (a state recalled after a restart).
  const known =
    context.profileId === profileId
      ? { controls: context.controls, timeZone: context.timeZone }
      : current?.usage.profileId === profileId
        ? { controls: current.controls, timeZone: current.timeZone }
        : {};
  update(stateFromUsage(snapshot.usage, snapshot.receivedAt, known));
}

/** Before the server answers (or when it cannot): what the box last knew of this profile, if nothing newer. */
export function recallCareOf(profileId: string): void {
  if (untrack(careState)?.usage.profileId === profileId) return;
  const recalled = recallCare(profileId);
  if (recalled) setCareState(recalled);
}

/** Adds seconds played (0 while not playing: the server time known still moves on in what is kept). */
export function countWatched(seconds: number, now = boxNow()): void {
  const current = untrack(careState);
  if (current) update(addWatched(current, seconds, now), now);
}
