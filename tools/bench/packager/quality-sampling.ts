import { readFileSync } from 'node:fs';
import path from 'node:path';
import {
  measureFamilyQuality,
  type JobPlan,
  type JobState,
  type ToolPaths,
} from '../../../packager/src/index.ts';

export interface SamplingRung {
  id: string;
  every: { psnr: number; ssim: number };
  sampled: { psnr: number; ssim: number };
}

export interface SamplingResult {
  rungs: SamplingRung[];
  /** Wall seconds of the analysis of every family, each way (alternating, sampled first). */
  everySeconds: number;
  sampledSeconds: number;
}

/**
 * PSNR/SSIM of every rung of a finished job measured twice, on every frame and on the sampled frames, one
 * family after the other and alternating, to state the error of sampling and what it saves.
 */
export async function compareQualitySampling(tools: ToolPaths, jobDir: string): Promise<SamplingResult> {
  const state = JSON.parse(readFileSync(path.join(jobDir, 'job.json'), 'utf8')) as JobState;
  const plan = state.plan as JobPlan;
  const rungs: SamplingRung[] = [];
  let everySeconds = 0;
  let sampledSeconds = 0;
  for (const family of plan.families) {
    const started = performance.now();
    const sampled = await measureFamilyQuality(tools.ffmpeg, plan, family, jobDir, () => {}, 'sampled');
    const middle = performance.now();
    const every = await measureFamilyQuality(tools.ffmpeg, plan, family, jobDir, () => {}, 'every');
    sampledSeconds += (middle - started) / 1000;
    everySeconds += (performance.now() - middle) / 1000;
    for (const rendition of family.renditions) {
      const e = every[rendition.id];
      const s = sampled[rendition.id];
      if (e && s) rungs.push({ id: rendition.id, every: e, sampled: s });
    }
  }
  return { rungs, everySeconds, sampledSeconds };
}

/** Mean and worst absolute difference, sampled against every frame. */
export function summariseSamplingError(rungs: SamplingRung[]): {
  psnrMean: number;
  psnrWorst: number;
  ssimMean: number;
  ssimWorst: number;
} {
  const psnr = rungs.map((r) => Math.abs(r.sampled.psnr - r.every.psnr));
  const ssim = rungs.map((r) => Math.abs(r.sampled.ssim - r.every.ssim));
  const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / Math.max(1, values.length);
  return {
    psnrMean: mean(psnr),
    psnrWorst: Math.max(0, ...psnr),
    ssimMean: mean(ssim),
    ssimWorst: Math.max(0, ...ssim),
  };
}
