// The family API (docs/family.md): the household credential on first start, profiles, a child's home,
// progress and heartbeats. Every call but the first start goes through client.familyJson (bearer token).
import { ApiError, apiUrl, familyJson, requestJson } from '../client.ts';
import { getConfig } from '../../config.ts';
import { readCredential, writeCredential } from '../../state/credential.ts';
import type {
  CreatedHousehold,
  Heartbeat,
  HeartbeatAnswer,
  Household,
  LessonProgress,
  NewProfile,
  Profile,
  ProfileHome,
} from '../family-types.ts';
import type { PlaybackEvent } from '../types.ts';
import { rotateCredentialIfDue } from './activation.provider.ts';
import { FRAMED_PREVIEW } from '../preview.ts';
import { withTileProgress } from '@ketang/contract/profile-home-progress';
import { fetchCatalogueHome } from './home.provider.ts';

let firstStart: Promise<void> | undefined;

/**
 * Makes sure this box holds a household credential: asks for one once, on its first start. With activation by
 * code (features.activation) only the activation screen gets one; an activated credential is rotated when due.
 */
export function ensureHousehold(): Promise<void> {
  if (readCredential()) {
    void rotateCredentialIfDue().catch(() => undefined); // best effort: the next start tries again
    return Promise.resolve();
  }
  if (getConfig().features.activation === 'code')
    return Promise.reject(new ApiError(401, 'no_credential', 'this box is not activated yet'));
  // The console's preview of a draft is no box: it never makes a household.
  if (FRAMED_PREVIEW)
    return Promise.reject(new ApiError(401, 'no_credential', 'a draft preview has no household'));
  firstStart ??= requestJson<CreatedHousehold>(apiUrl('/v1/households'), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      ...(getConfig().region ? { region: getConfig().region } : {}),
      timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone || 'Asia/Shanghai',
    }),
  })
    .then((created) =>
      writeCredential({
        token: created.token,
        householdId: created.household.id,
        deviceId: created.deviceId,
      }),
    )
    .finally(() => {
      firstStart = undefined;
    });
  return firstStart;
}

/**
 * The household and its remembered profile's home, asked for at boot (main.ts) while the app's chunk loads and
 * runs, not after Home renders and then one after the other: each round trip on a slow box is time the family
 * watches the boot screen. Taken once by the first fetchHousehold / fetchProfileHome within EARLY_READS_MS
 * (a home picked minutes later, after the profile picker, is asked for again); later calls ask again.
 */
const EARLY_READS_MS = 30_000;
type EarlyReads = {
  household?: Promise<Household>;
  home?: { profileId: string; answer: Promise<ProfileHome> };
};
let early: EarlyReads = {};
let earlyAt = 0;

function takeEarly<K extends keyof EarlyReads>(key: K): EarlyReads[K] {
  const taken = early[key];
  early = { ...early, [key]: undefined };
  return Date.now() - earlyAt <= EARLY_READS_MS ? taken : undefined;
}

/**
 * A read nobody may take yet: its failure is the taker's to report, not an unhandled rejection. Once it has
 * failed it is forgotten, so a later call (Home's Retry once the API is back) asks again instead of being
 * handed the old failure.
 */
function heldForLater<T>(answer: Promise<T>, forget: () => void): Promise<T> {
  answer.catch(forget);
  return answer;
}

/** Starts those reads where the box already holds a credential (a first start or an activation waits for Home). */
export function startEarlyHomeReads(rememberedProfileId: string | null): void {
  if (FRAMED_PREVIEW || !readCredential()) return;
  earlyAt = Date.now();
  const household: Promise<Household> = heldForLater(fetchHousehold(), () => {
    if (early.household === household) early = { ...early, household: undefined };
  });
  const home = rememberedProfileId
    ? {
        profileId: rememberedProfileId,
        answer: heldForLater(askProfileHome(rememberedProfileId), () => {
          if (early.home === home) early = { ...early, home: undefined };
        }),
      }
    : undefined;
  early = { household, ...(home ? { home } : {}) };
}

export async function fetchHousehold(): Promise<Household> {
  const asked = takeEarly('household');
  if (asked) return asked;
  await ensureHousehold();
  return familyJson<Household>('/v1/household');
}

/** `pin`: the parental PIN, which a household that has one requires (docs/family.md: parent-only writes). */
export function createProfile(profile: NewProfile, pin?: string): Promise<Profile> {
  return familyJson<Profile>('/v1/household/profiles', {
    method: 'POST',
    body: profile,
    ...(pin ? { headers: { 'x-parental-pin': pin } } : {}),
  });
}

/**
 * A profile's home: today's lessons first, then the catalogue rails, their tiles carrying the child's progress
 * (the API sends it beside the rails). Until the API has the route (404), the catalogue home of the profile's
 * grade, without today's lessons.
 */
function askProfileHome(profileId: string): Promise<ProfileHome> {
  return familyJson<ProfileHome>(`/v1/household/profiles/${encodeURIComponent(profileId)}/home`);
}

export async function fetchProfileHome(profile: Profile): Promise<ProfileHome> {
  const asked = takeEarly('home');
  try {
    const home = await (asked?.profileId === profile.id ? asked.answer : askProfileHome(profile.id));
    return withTileProgress(home);
  } catch (error) {
    if (!(error instanceof ApiError && error.status === 404)) throw error;
    const home = await fetchCatalogueHome(profile.gradeId);
    return { profile, today: [], rails: home.rails, progress: {} };
  }
}

export async function fetchLessonProgress(
  profileId: string,
  lessonId: string,
): Promise<LessonProgress | null> {
  const { items } = await familyJson<{ items: LessonProgress[] }>(
    `/v1/household/profiles/${encodeURIComponent(profileId)}/progress`,
    { query: { lessonIds: lessonId } },
  );
  return items.find((item) => item.lessonId === lessonId) ?? null;
}

export function sendHeartbeats(heartbeats: Heartbeat[]): Promise<HeartbeatAnswer> {
  return familyJson<HeartbeatAnswer>('/v1/household/heartbeats', { method: 'POST', body: { heartbeats } });
}

/** A playback quality event; the box is the credential's device. Best effort: never retried. */
export function sendPlaybackEvent(event: PlaybackEvent): Promise<{ accepted: boolean }> {
  return familyJson<{ accepted: boolean }>('/v1/events', { method: 'POST', body: event });
}
