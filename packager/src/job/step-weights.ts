import type { CodecFamily } from '@ketang/catalog';
import { encodeStep } from '../encode/encode.ts';
import type { JobPlan } from '../plan/job-plan.ts';
import { publishesH264Early } from './schedule.ts';

// Relative encode cost per pixel on 2 cores (from the guide's speed table): x265 is the slowest.
const FAMILY_COST: Record<CodecFamily, number> = { h264: 1, hevc: 2.5, av1: 1.3 };
const ANALYSE_SHARE = 0.3;
const SMALL_STEP = 0.02;

/** Pure: how much of a job's work each step is, for the progress bar and its ETA. */
export function planStepWeights(plan: JobPlan, phases: readonly CodecFamily[][]): Record<string, number> {
  const weights: Record<string, number> = { plan: SMALL_STEP, 'encode:audio': SMALL_STEP };
  let total = 0;
  for (const family of plan.families) {
    const pixels = family.renditions.reduce((sum, r) => sum + (r.width * r.height) / (1920 * 1080), 0);
    const cost = pixels * FAMILY_COST[family.family];
    weights[encodeStep(family)] = cost;
    weights[`analyse:${family.family}`] = cost * ANALYSE_SHARE;
    total += cost;
  }
  for (const step of publishSteps(phases)) weights[step] = Math.max(SMALL_STEP, total * SMALL_STEP);
  return weights;
}

/** H.264 publishes on its own when encoded first (see publishesH264Early); everything publishes at the end. */
function publishSteps(phases: readonly CodecFamily[][]): string[] {
  return publishesH264Early(phases) ? ['publish:h264', 'publish:all'] : ['publish:all'];
}
