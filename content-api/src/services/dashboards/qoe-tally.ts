import type { PlaybackEventRecord } from '../../stores/event.store.ts';
import { EMPTY_HOUSEHOLDS, mergeHouseholds, type HouseholdSet } from './household-set.ts';
import { UNKNOWN_DIMENSION } from '@ketang/contract/dashboard-keys';

/** Upper bounds (ms) of the time-to-first-frame histogram; one more bucket holds everything slower. */
export const TTFF_BOUNDS_MS = [250, 500, 750, 1000, 1500, 2000, 3000, 4000, 6000, 10_000, 20_000];

/**
 * What a QoE cell adds up. A session is a playback's first report (the one carrying time to first frame:
 * the box sends a report every 30 s, later ones carry only what changed since); stall, play seconds and
 * errors are summed over every report.
 */
export type QoeTally = {
  sessions: number;
  ttffCount: number;
  ttffSumMs: number;
  ttffBuckets: number[];
  stallSeconds: number;
  playSeconds: number;
  bitrateSum: number;
  bitrateCount: number;
  errorSessions: number;
  errors: Record<string, number>;
  households: HouseholdSet;
};

export const QOE_DIMENSIONS = ['region', 'carrier', 'model', 'codec'] as const;
export type QoeDimensions = Record<(typeof QOE_DIMENSIONS)[number], string>;

/** Cells whose dimension was not reported: the key the console names 未知. */
export const UNKNOWN = UNKNOWN_DIMENSION;

export function emptyQoeTally(): QoeTally {
  return {
    sessions: 0,
    ttffCount: 0,
    ttffSumMs: 0,
    ttffBuckets: TTFF_BOUNDS_MS.map(() => 0).concat(0),
    stallSeconds: 0,
    playSeconds: 0,
    bitrateSum: 0,
    bitrateCount: 0,
    errorSessions: 0,
    errors: {},
    households: EMPTY_HOUSEHOLDS,
  };
}

/** An error's code: its first word (e.g. a Shaka code `3016` or `DRM_FAILED`), else `other`. */
export function errorCodeOf(error: string): string {
  return /^[A-Za-z0-9_.-]{1,40}/.exec(error.trim())?.[0] ?? 'other';
}

export function qoeDimensionsOf(event: PlaybackEventRecord): QoeDimensions {
  const codec = event.stats.codecFamily;
  return {
    region: event.region ?? UNKNOWN,
    carrier: event.carrier ?? UNKNOWN,
    model: event.deviceModel ?? UNKNOWN,
    codec: typeof codec === 'string' ? codec : UNKNOWN,
  };
}

const numberOf = (value: number | string | undefined) => (typeof value === 'number' ? value : undefined);

/** Adds one report to a tally (mutates it; households are added by the caller once per cell). */
export function addQoeEvent(tally: QoeTally, event: PlaybackEventRecord): void {
  const ttff = numberOf(event.stats.timeToFirstFrameMs);
  if (ttff !== undefined) {
    tally.sessions += 1;
    tally.ttffCount += 1;
    tally.ttffSumMs += ttff;
    const bucket = TTFF_BOUNDS_MS.findIndex((bound) => ttff <= bound);
    const index = bucket === -1 ? TTFF_BOUNDS_MS.length : bucket;
    tally.ttffBuckets[index] = (tally.ttffBuckets[index] ?? 0) + 1;
  }
  tally.stallSeconds += numberOf(event.stats.stallSeconds) ?? 0;
  tally.playSeconds += numberOf(event.stats.playSeconds) ?? 0;
  const bitrate = numberOf(event.stats.bitrate);
  if (bitrate !== undefined) {
    tally.bitrateSum += bitrate;
    tally.bitrateCount += 1;
  }
  const error = event.stats.error;
  if (typeof error === 'string') {
    tally.errorSessions += 1;
    const code = errorCodeOf(error);
    tally.errors[code] = (tally.errors[code] ?? 0) + 1;
  }
}

/** Adds `from` into `into` (mutates `into`, never `from`): the dashboards sum thousands of cells a query. */
export function addQoeTally(into: QoeTally, from: QoeTally): QoeTally {
  into.sessions += from.sessions;
  into.ttffCount += from.ttffCount;
  into.ttffSumMs += from.ttffSumMs;
  for (const [i, count] of from.ttffBuckets.entries())
    into.ttffBuckets[i] = (into.ttffBuckets[i] ?? 0) + count;
  into.stallSeconds += from.stallSeconds;
  into.playSeconds += from.playSeconds;
  into.bitrateSum += from.bitrateSum;
  into.bitrateCount += from.bitrateCount;
  into.errorSessions += from.errorSessions;
  for (const [code, count] of Object.entries(from.errors))
    into.errors[code] = (into.errors[code] ?? 0) + count;
  into.households = mergeHouseholds(into.households, from.households);
  return into;
}

/** The q-quantile (0–1) of the histogram, interpolated linearly within its bucket; null when empty. */
export function ttffQuantile(buckets: readonly number[], q: number): number | null {
  const total = buckets.reduce((sum, count) => sum + count, 0);
  if (total === 0) return null;
  const rank = q * total;
  let below = 0;
  const bounds = [0, ...TTFF_BOUNDS_MS];
  for (const [i, count] of buckets.entries()) {
    const low = bounds[i] ?? 0;
    const high = bounds[i + 1];
    if (count > 0 && below + count >= rank) {
      // The open-ended last bucket answers its lower bound ("at least").
      return high === undefined ? low : Math.round(low + ((rank - below) / count) * (high - low));
    }
    below += count;
  }
  return bounds[bounds.length - 1] ?? null;
}
