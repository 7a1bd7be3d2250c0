// What a PIN attempt came to, from the family API's answer (docs/family.md: 403 pin_wrong, 429 pin_locked).
import { ApiError } from '../api/client.ts';

export type PinOutcome =
  { kind: 'ok' } | { kind: 'wrong' } | { kind: 'locked'; retryAfterSeconds: number } | { kind: 'failed' };

const LOCK_SECONDS_IF_UNSAID = 60;

export function pinOutcomeOf(error: unknown): PinOutcome {
  if (!(error instanceof ApiError)) return { kind: 'failed' };
  if (error.status === 429 || error.code === 'pin_locked') {
    return { kind: 'locked', retryAfterSeconds: error.retryAfterSeconds ?? LOCK_SECONDS_IF_UNSAID };
  }
  if (error.code === 'pin_wrong' || error.code === 'pin_required') return { kind: 'wrong' };
  return { kind: 'failed' };
}

/** Runs a PIN-guarded call and says how it went; the call's answer goes to `onOk`. */
export async function attemptWithPin<T>(
  call: () => Promise<T>,
  onOk: (value: T) => void,
): Promise<PinOutcome> {
  try {
    onOk(await call());
    return { kind: 'ok' };
  } catch (error) {
    return pinOutcomeOf(error);
  }
}
