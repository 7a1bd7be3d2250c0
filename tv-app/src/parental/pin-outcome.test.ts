import { describe, expect, it } from 'vitest';
import { ApiError, ApiUnreachableError } from '../api/client.ts';
import { attemptWithPin, pinOutcomeOf } from './pin-outcome.ts';

describe('PIN outcome', () => {
  it('reads the family API answers', () => {
    expect(pinOutcomeOf(new ApiError(403, 'pin_wrong', 'wrong'))).toEqual({ kind: 'wrong' });
    expect(pinOutcomeOf(new ApiError(403, 'pin_required', 'required'))).toEqual({ kind: 'wrong' });
    expect(pinOutcomeOf(new ApiError(429, 'pin_locked', 'locked', 42))).toEqual({
      kind: 'locked',
      retryAfterSeconds: 42,
    });
    expect(pinOutcomeOf(new ApiError(429, 'pin_locked', 'locked'))).toEqual({
      kind: 'locked',
      retryAfterSeconds: 60,
    });
    expect(pinOutcomeOf(new ApiUnreachableError('/v1', new Error('down')))).toEqual({ kind: 'failed' });
  });

  it("hands the call's answer on only when it succeeds", async () => {
    const seen: number[] = [];
    expect(
      await attemptWithPin(
        () => Promise.resolve(7),
        (v) => seen.push(v),
      ),
    ).toEqual({ kind: 'ok' });
    const refused = () => Promise.reject(new ApiError(403, 'pin_wrong', 'wrong'));
    expect(await attemptWithPin(refused, (v: number) => seen.push(v))).toEqual({ kind: 'wrong' });
    expect(seen).toEqual([7]);
  });
});
