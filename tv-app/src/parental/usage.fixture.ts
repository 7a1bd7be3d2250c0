import type { Usage } from '../api/family-types.ts';

/** Test data for the care tests: the server's clock, and a box whose clock runs 90 s slow (only the offset matters). */
export const SERVER_NOW = Date.parse('2026-12-05T12:00:00Z'); // 20:00 in Shanghai
export const BOX_NOW = SERVER_NOW - 90_000;

/** A usage answer 10 minutes into a 30-minute day, 5 minutes since the last break, known at SERVER_NOW. */
export function usage(over: Partial<Usage> = {}): Usage {
  return {
    profileId: 'p1',
    date: '2026-12-05',
    usedSeconds: 600,
    quotaSeconds: 1800,
    remainingSeconds: 1200,
    secondsSinceBreak: 300,
    breakDue: false,
    breakEndsAt: null,
    bedtime: false,
    allowed: true,
    serverTime: new Date(SERVER_NOW).toISOString(),
    ...over,
  };
}
