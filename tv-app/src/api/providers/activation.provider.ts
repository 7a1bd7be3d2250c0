// Activation by code (docs/activation.md): the box asks for a code, shows it, and polls until a phone or the
// carrier's CRM binds it; the first answer after binding carries the credential, which is kept at once. An
// activated credential expires: the box swaps it for a new one when a third of its life is left.
import type { Activation, ActivationState } from '@ketang/contract';
import { apiUrl, familyJson, requestJson } from '../client.ts';
import { readCredential, writeCredential, type Credential } from '../../state/credential.ts';

/** Rotate when less than this is left of the credential's life (90 days): a box off for weeks still makes it. */
const ROTATE_BEFORE_MS = 30 * 86_400_000;

export type { Activation, ActivationState };

export function startActivation(): Promise<Activation> {
  return requestJson<Activation>(apiUrl('/v1/activations'), { method: 'POST' });
}

/** One poll; when it carries the credential, the box keeps it before answering. */
export async function pollActivation(activation: Activation): Promise<ActivationState> {
  const state = await requestJson<ActivationState>(apiUrl('/v1/activations/current'), {
    headers: { authorization: `Bearer ${activation.pollToken}` },
  });
  if (state.credential) {
    const { token, householdId, deviceId, expiresAt, region } = state.credential;
    writeCredential({ token, householdId, deviceId, expiresAt, ...(region ? { region } : {}) });
  }
  return state;
}

let rotating: Promise<void> | undefined;

/** An expiring credential with less than a third of its life left; first-start credentials never expire. */
export function isRotationDue(credential: Credential | null, now: number): credential is Credential {
  return Boolean(credential?.expiresAt && Date.parse(credential.expiresAt) - now <= ROTATE_BEFORE_MS);
}

/** Swaps an activated credential nearing its expiry for a new one; the old one stays valid a short while. */
export function rotateCredentialIfDue(now = Date.now()): Promise<void> {
  const credential = readCredential();
  if (!isRotationDue(credential, now)) return Promise.resolve();
  rotating ??= familyJson<{ token: string; deviceId: string; expiresAt?: string }>(
    '/v1/household/credential/rotate',
    { method: 'POST' },
  )
    .then((rotated) => writeCredential({ ...credential, token: rotated.token, expiresAt: rotated.expiresAt }))
    .finally(() => {
      rotating = undefined;
    });
  return rotating;
}
