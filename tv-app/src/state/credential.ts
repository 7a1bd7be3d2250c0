// The household credential this box got on its first start or by an activation code (docs/activation.md): kept in localStorage, sent by
// api/client.ts as a bearer token on every family call. Nothing else reads it.
import { readStoredJson, writeStored } from './storage.ts';

const STORAGE_KEY = 'ketang.household';

/**
 * `expiresAt`: an activated box's credential expires; the box rotates it before then. `region`: the region the
 * phone or the carrier's CRM bound the household to, which then decides the catalogue the box reads.
 */
export type Credential = {
  token: string;
  householdId: string;
  deviceId: string;
  expiresAt?: string;
  region?: string;
};

/** The region whose curation this box reads: its activated household's, else the carrier's configuration. */
export function boxRegion(configured: string | undefined): string | undefined {
  return readCredential()?.region ?? configured;
}

export function readCredential(): Credential | null {
  const stored = readStoredJson<Credential>(STORAGE_KEY);
  const isValid =
    stored &&
    typeof stored.token === 'string' &&
    stored.token.length > 0 &&
    typeof stored.householdId === 'string' &&
    typeof stored.deviceId === 'string';
  return isValid ? stored : null;
}

export function writeCredential(credential: Credential): void {
  writeStored(STORAGE_KEY, JSON.stringify(credential));
}

/** The server no longer knows the credential (revoked, or its data was reset): start again next time. */
export function forgetCredential(): void {
  writeStored(STORAGE_KEY, '');
}
