import type { Controls } from '../../schemas/family.schema.ts';
import type { Usage } from '../../schemas/progress.schema.ts';
import type { UsageRecord } from '../../stores/usage.store.ts';
import { isBedtime } from './controls.ts';

export function emptyUsage(householdId: string, profileId: string, date: string): UsageRecord {
  return {
    householdId,
    profileId,
    date,
    usedSeconds: 0,
    secondsSinceBreak: 0,
    breakEndsAt: null,
    extraSeconds: 0,
    lastWatchedAt: null,
  };
}

const isBreakRunning = (record: UsageRecord, now: Date) =>
  record.breakEndsAt !== null && Date.parse(record.breakEndsAt) > now.getTime();

/**
 * Counts seconds watched, received now (server time). A break starts when the seconds since the last one reach
 * `breakEveryMinutes`; seconds during a running break count as use but not toward the next break. A pause of
 * at least a break's length between two watchings is a rest too, so it restarts the count.
 */
export function countWatching(
  record: UsageRecord,
  watchedSeconds: number,
  controls: Controls,
  now: Date,
): UsageRecord {
  const next = { ...record, usedSeconds: record.usedSeconds + watchedSeconds };
  if (watchedSeconds <= 0) return next;
  const breaking = isBreakRunning(record, now);
  if (!breaking && record.lastWatchedAt) {
    const pauseMs = now.getTime() - Date.parse(record.lastWatchedAt) - watchedSeconds * 1000;
    if (pauseMs >= controls.breakMinutes * 60_000) next.secondsSinceBreak = 0;
  }
  next.lastWatchedAt = now.toISOString();
  if (breaking) return next;
  next.secondsSinceBreak += watchedSeconds;
  if (next.secondsSinceBreak >= controls.breakEveryMinutes * 60) {
    next.breakEndsAt = new Date(now.getTime() + controls.breakMinutes * 60_000).toISOString();
    next.secondsSinceBreak = 0;
  }
  return next;
}

/** Ends a running break now (PIN on the box, or the phone). */
export function endBreak(record: UsageRecord, now: Date): UsageRecord {
  return isBreakRunning(record, now)
    ? { ...record, breakEndsAt: now.toISOString(), secondsSinceBreak: 0 }
    : record;
}

/** The one place that decides what a profile may do now: the `Usage` every answer carries. */
export function toUsage(record: UsageRecord, controls: Controls, timeZone: string, now: Date): Usage {
  const quotaSeconds =
    controls.dailyQuotaMinutes === null ? null : controls.dailyQuotaMinutes * 60 + record.extraSeconds;
  const remainingSeconds = quotaSeconds === null ? null : Math.max(0, quotaSeconds - record.usedSeconds);
  const breakDue = isBreakRunning(record, now);
  const bedtime = isBedtime(controls.bedtime, timeZone, now);
  return {
    profileId: record.profileId,
    date: record.date,
    usedSeconds: record.usedSeconds,
    quotaSeconds,
    remainingSeconds,
    secondsSinceBreak: record.secondsSinceBreak,
    breakDue,
    breakEndsAt: breakDue ? record.breakEndsAt : null,
    bedtime,
    allowed: remainingSeconds !== 0 && !bedtime && !breakDue,
    serverTime: now.toISOString(),
  };
}
