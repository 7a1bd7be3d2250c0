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

export async function fetchHousehold(): Promise<Household> {
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
export async function fetchProfileHome(profile: Profile): Promise<ProfileHome> {
  try {
    const path = `/v1/household/profiles/${encodeURIComponent(profile.id)}/home`;
    return withTileProgress(await familyJson<ProfileHome>(path));
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
