// The parental calls of the family API (docs/family.md): household, PIN, controls, usage, breaks.
// Every call carries the household credential; guarded writes carry the PIN in `X-Parental-Pin`.
import { apiUrl, requestJson } from '../api/client.ts';
import { readStored } from '../state/storage.ts';
import type { Controls, Household, Profile, Usage } from './family.types.ts';

/** Where the box keeps its household credential (written on first start by the household client). */
export const HOUSEHOLD_TOKEN_KEY = 'ketang.householdToken';

function headers(pin?: string): Record<string, string> {
  const token = readStored(HOUSEHOLD_TOKEN_KEY);
  return {
    'content-type': 'application/json',
    ...(token ? { authorization: `Bearer ${token}` } : {}),
    ...(pin ? { 'x-parental-pin': pin } : {}),
  };
}

function call<T>(method: 'GET' | 'POST' | 'PUT', path: string, body?: unknown, pin?: string): Promise<T> {
  return requestJson<T>(apiUrl(path), {
    method,
    headers: headers(pin),
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}

const profilePath = (profileId: string) => `/v1/household/profiles/${encodeURIComponent(profileId)}`;

export function fetchHousehold(): Promise<Household> {
  return call<Household>('GET', '/v1/household');
}

/** Sets the PIN; once one is set, `currentPin` must be the current one. */
export function setPin(pin: string, currentPin?: string): Promise<void> {
  return call<void>('PUT', '/v1/household/pin', { pin }, currentPin);
}

/** Resolves when right; rejects with ApiError 403 `pin_wrong` or 429 `pin_locked` (retryAfterSeconds). */
export function checkPin(pin: string): Promise<void> {
  return call<void>('POST', '/v1/household/pin/checks', { pin });
}

export function saveControls(profileId: string, controls: Controls, pin: string): Promise<Profile> {
  return call<Profile>('PUT', `${profilePath(profileId)}/controls`, controls, pin);
}

export function fetchUsage(profileId: string): Promise<Usage> {
  return call<Usage>('GET', `${profilePath(profileId)}/usage`);
}

export function extendUsage(profileId: string, minutes: number, pin: string): Promise<Usage> {
  return call<Usage>('POST', `${profilePath(profileId)}/usage/extensions`, { minutes }, pin);
}

export function skipBreak(profileId: string, pin: string): Promise<Usage> {
  return call<Usage>('POST', `${profilePath(profileId)}/break-skips`, {}, pin);
}
