import path from 'node:path';
import type { FamilyPlan, JobPlan } from '../plan/job-plan.ts';
import type { ToolPaths } from '../process/tools.ts';
import { findMissingGridKeyframes, readKeyframeTimes } from './keyframes.ts';
import { measureFamilyQuality, type QualityFrames } from './quality.ts';

export interface RenditionAnalysis {
  missingKeyframes: number[];
  psnr: number;
  ssim: number;
}

/** After a family is encoded: keyframe grid and PSNR/SSIM per rung, kept in the job state. */
export async function analyseFamily(
  tools: ToolPaths,
  plan: JobPlan,
  family: FamilyPlan,
  jobDir: string,
  onStdoutLine: (line: string) => void,
  frames: QualityFrames = 'sampled',
): Promise<Record<string, RenditionAnalysis>> {
  // The keyframe probes only demux (little CPU): they run beside the PSNR/SSIM decode instead of after it.
  const [quality, keyframesByRung] = await Promise.all([
    measureFamilyQuality(tools.ffmpeg, plan, family, jobDir, onStdoutLine, frames),
    Promise.all(family.renditions.map((r) => readKeyframeTimes(tools.ffprobe, path.join(jobDir, r.file)))),
  ]);
  const result: Record<string, RenditionAnalysis> = {};
  family.renditions.forEach((rendition, i) => {
    const missingKeyframes = findMissingGridKeyframes(
      keyframesByRung[i] ?? [],
      plan.keyframeSeconds,
      plan.durationSeconds,
      plan.fixes.frameRate,
    );
    const measured = quality[rendition.id] ?? { psnr: 0, ssim: 0 };
    result[rendition.id] = { missingKeyframes, ...measured };
  });
  return result;
}
