// The parental calls of the family API (docs/family.md): PIN, controls, usage, breaks. They go through
// client.familyJson (the household credential); guarded writes add the PIN in `X-Parental-Pin`.
import { familyJson } from '../api/client.ts';
import type { Controls, Profile, Usage } from '../api/family-types.ts';

const pinHeader = (pin: string) => ({ 'x-parental-pin': pin });
const profilePath = (profileId: string) => `/v1/household/profiles/${encodeURIComponent(profileId)}`;

/** Sets the PIN; once one is set, `currentPin` must be the current one. */
export function setPin(pin: string, currentPin?: string): Promise<void> {
  return familyJson<void>('/v1/household/pin', {
    method: 'PUT',
    body: { pin },
    ...(currentPin ? { headers: pinHeader(currentPin) } : {}),
  });
}

/** Resolves when right; rejects with ApiError 403 `pin_wrong` or 429 `pin_locked` (retryAfterSeconds). */
export function checkPin(pin: string): Promise<void> {
  return familyJson<void>('/v1/household/pin/checks', { method: 'POST', body: { pin } });
}

export function saveControls(profileId: string, controls: Controls, pin: string): Promise<Profile> {
  return familyJson<Profile>(`${profilePath(profileId)}/controls`, {
    method: 'PUT',
    body: controls,
    headers: pinHeader(pin),
  });
}

export function fetchUsage(profileId: string): Promise<Usage> {
  return familyJson<Usage>(`${profilePath(profileId)}/usage`);
}

export function extendUsage(profileId: string, minutes: number, pin: string): Promise<Usage> {
  return familyJson<Usage>(`${profilePath(profileId)}/usage/extensions`, {
    method: 'POST',
    body: { minutes },
    headers: pinHeader(pin),
  });
}

export function skipBreak(profileId: string, pin: string): Promise<Usage> {
  return familyJson<Usage>(`${profilePath(profileId)}/break-skips`, {
    method: 'POST',
    body: {},
    headers: pinHeader(pin),
  });
}

/** A phone link for the parent's phone page (`url` opens `/family/#t=…`), valid until `expiresAt`. */
export type PhoneLink = { url: string; expiresAt: string };

/** Mints a phone link (box only, docs/family.md); the Settings page shows it as a QR code. */
export function createPhoneLink(): Promise<PhoneLink> {
  return familyJson<PhoneLink>('/v1/household/phone-links', { method: 'POST', body: {} });
}
