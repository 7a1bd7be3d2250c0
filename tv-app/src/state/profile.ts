// Who is watching: the active profile, remembered across restarts, and the start decision (create a
// first profile, pick one of several, or go straight on).
import { createSignal } from 'solid-js';
import type { Profile } from '../api/family-types.ts';
import { fetchHousehold } from '../api/providers/family.provider.ts';
import { readStored, writeStored } from './storage.ts';

const STORAGE_KEY = 'ketang.profileId';

const [activeProfile, setActiveProfile] = createSignal<Profile>();
export { activeProfile };

let hasChosenThisStart = false;

export function chooseProfile(profile: Profile): void {
  hasChosenThisStart = true;
  writeStored(STORAGE_KEY, profile.id);
  setActiveProfile(profile);
}

export function rememberedProfileId(): string | null {
  return readStored(STORAGE_KEY);
}

export type StartStep = { kind: 'create' } | { kind: 'pick' } | { kind: 'ready'; profile: Profile };

/**
 * What the app does with the household's profiles: none → create the first; one → use it; several →
 * the picker when it may ask (at start, on Home), else the remembered one (a deep link after a restart).
 */
export function decideStart(
  profiles: readonly Profile[],
  rememberedId: string | null,
  mayAsk: boolean,
): StartStep {
  const [only] = profiles;
  if (!only) return { kind: 'create' };
  if (profiles.length === 1) return { kind: 'ready', profile: only };
  const remembered = profiles.find((profile) => profile.id === rememberedId);
  if (mayAsk || !remembered) return { kind: 'pick' };
  return { kind: 'ready', profile: remembered };
}

/** Home asks once per start; after a choice (or on other screens) it does not. */
export function mayAskForProfile(): boolean {
  return !hasChosenThisStart;
}

/**
 * The active profile, else the start decision read from the household (and the profile chosen when there
 * is no question to ask). `mayAsk`: Home at start shows the picker for several profiles.
 */
export async function resolveProfile(mayAsk: boolean): Promise<StartStep> {
  const current = activeProfile();
  if (current) return { kind: 'ready', profile: current };
  const household = await fetchHousehold();
  const step = decideStart(household.profiles, rememberedProfileId(), mayAsk);
  if (step.kind === 'ready') {
    writeStored(STORAGE_KEY, step.profile.id);
    setActiveProfile(step.profile);
  }
  return step;
}
