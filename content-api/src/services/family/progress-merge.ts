import type { Heartbeat } from '../../schemas/progress.schema.ts';
import type { ProgressRecord } from '../../stores/progress.store.ts';

const COMPLETED_SHARE = 0.9;

/** Completed: reached the end, or a position at ≥ 90% of the duration. */
export function isCompletedBy(heartbeat: Heartbeat): boolean {
  return (
    heartbeat.reason === 'ended' ||
    (heartbeat.durationSeconds > 0 &&
      heartbeat.positionSeconds >= COMPLETED_SHARE * heartbeat.durationSeconds)
  );
}

/**
 * Merges one new (never counted before) heartbeat into a profile's progress in its lesson: watched and rewound
 * seconds add up, `completed` is sticky, and the position is that of the heartbeat received last, whichever
 * box sent it.
 */
export function mergeHeartbeat(
  previous: ProgressRecord | undefined,
  heartbeat: Heartbeat,
  householdId: string,
  now: Date,
): ProgressRecord {
  const completed = (previous?.completed ?? false) || isCompletedBy(heartbeat);
  const completedAt = previous?.completedAt ?? (completed ? now.toISOString() : undefined);
  return {
    householdId,
    profileId: heartbeat.profileId,
    lessonId: heartbeat.lessonId,
    ...(heartbeat.periodId ? { periodId: heartbeat.periodId } : {}),
    positionSeconds: heartbeat.positionSeconds,
    durationSeconds: heartbeat.durationSeconds,
    watchedSeconds: (previous?.watchedSeconds ?? 0) + heartbeat.watchedSeconds,
    rewoundSeconds: (previous?.rewoundSeconds ?? 0) + (heartbeat.rewoundSeconds ?? 0),
    completed,
    ...(completedAt ? { completedAt } : {}),
    updatedAt: now.toISOString(),
  };
}
