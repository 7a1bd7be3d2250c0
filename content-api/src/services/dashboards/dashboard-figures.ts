import type { LearningCell, QoeCell } from '@ketang/contract';
import type { LearningTally } from './learning-tally.ts';
import { ttffQuantile, type QoeTally } from './qoe-tally.ts';
import type { Released } from './suppression.ts';

const round = (value: number, digits: number) => Math.round(value * 10 ** digits) / 10 ** digits;
const ratio = (part: number, whole: number, digits = 4) => (whole > 0 ? round(part / whole, digits) : null);

/** The figures a QoE cell shows; every figure null when it is suppressed. */
export function toQoeCell({ key, tally, suppressed }: Released<QoeTally>): QoeCell {
  if (suppressed) {
    return {
      key,
      suppressed,
      sessions: null,
      ttffP50Ms: null,
      ttffP95Ms: null,
      stallRatio: null,
      averageBitrate: null,
      errorSessions: null,
      errors: null,
    };
  }
  return {
    key,
    suppressed,
    sessions: tally.sessions,
    ttffP50Ms: ttffQuantile(tally.ttffBuckets, 0.5),
    ttffP95Ms: ttffQuantile(tally.ttffBuckets, 0.95),
    stallRatio: ratio(tally.stallSeconds, tally.stallSeconds + tally.playSeconds),
    averageBitrate: tally.bitrateCount > 0 ? Math.round(tally.bitrateSum / tally.bitrateCount) : null,
    errorSessions: tally.errorSessions,
    errors: tally.errors,
  };
}

export function toLearningCell({ key, tally, suppressed }: Released<LearningTally>): LearningCell {
  if (suppressed) {
    return { key, suppressed, views: null, completions: null, completionRate: null, minutes: null };
  }
  return {
    key,
    suppressed,
    views: tally.views,
    completions: tally.completions,
    completionRate: ratio(tally.completions, tally.views, 3),
    minutes: round(tally.watchedSeconds / 60, 1),
  };
}
