import { describe, expect, it } from 'vitest';
import type { Heartbeat } from '../../schemas/progress.schema.ts';
import { isCompletedBy, mergeHeartbeat } from './progress-merge.ts';

const beat = (fields: Partial<Heartbeat>): Heartbeat => ({
  id: '00000000-0000-4000-8000-000000000000',
  profileId: 'p',
  lessonId: 'l',
  positionSeconds: 0,
  durationSeconds: 100,
  watchedSeconds: 0,
  reason: 'tick',
  at: '2026-01-01T00:00:00Z',
  ...fields,
});
const now = new Date('2026-03-02T02:00:00Z');

describe('progress merge', () => {
  it('completes at the end or at 90% of the duration', () => {
    expect(isCompletedBy(beat({ positionSeconds: 89 }))).toBe(false);
    expect(isCompletedBy(beat({ positionSeconds: 90 }))).toBe(true);
    expect(isCompletedBy(beat({ positionSeconds: 3, reason: 'ended' }))).toBe(true);
    expect(isCompletedBy(beat({ positionSeconds: 0, durationSeconds: 0 }))).toBe(false);
  });

  it('adds watched and rewound seconds, takes the last position, keeps completed', () => {
    const first = mergeHeartbeat(
      undefined,
      beat({ positionSeconds: 95, watchedSeconds: 20, rewoundSeconds: 4 }),
      'h',
      now,
    );
    expect(first).toMatchObject({
      watchedSeconds: 20,
      rewoundSeconds: 4,
      completed: true,
      completedAt: now.toISOString(),
    });
    const later = new Date(now.getTime() + 1000);
    const second = mergeHeartbeat(
      first,
      beat({ positionSeconds: 7, watchedSeconds: 5, periodId: 'p2' }),
      'h',
      later,
    );
    expect(second).toMatchObject({
      positionSeconds: 7,
      periodId: 'p2',
      watchedSeconds: 25,
      rewoundSeconds: 4,
      completed: true,
      completedAt: now.toISOString(),
      updatedAt: later.toISOString(),
    });
  });
});
