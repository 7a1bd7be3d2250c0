import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { FamilyPlan, JobPlan } from '../plan/job-plan.ts';
import { runProcess } from '../process/spawn.ts';

export interface RenditionQuality {
  psnr: number;
  ssim: number;
}

/**
 * Which frames PSNR/SSIM are measured on: every frame, or one frame in `QUALITY_SAMPLE_EVERY` (the same frame
 * numbers in the source and in every rung). The error against every frame, per rung, on the benchmark's
 * sources is in docs/packager.md.
 */
export type QualityFrames = 'sampled' | 'every';

/**
 * One frame in 7, spread evenly over the whole title. Prime on purpose: a stride that divides the keyframe
 * interval (10 with 50-frame GOPs) samples every keyframe, whose quality is higher than the frames between,
 * and read the 1080p rungs up to 1.3 dB high; 7 divides no 2 s GOP (48, 50, 60, 100, 120 frames).
 */
export const QUALITY_SAMPLE_EVERY = 7;

/**
 * Pure: one ffmpeg run comparing every rung of a family with the source at the source's (fixed) size,
 * decoding the source once. Per-frame stats go to files that `readQualityStats` averages. Sampled frames
 * are selected by frame number before anything is scaled or compared, identically on both sides.
 */
export function buildQualityArgs(
  plan: JobPlan,
  family: FamilyPlan,
  jobDir: string,
  frames: QualityFrames = 'sampled',
): string[] {
  const n = family.renditions.length;
  const { width, height } = plan.fixes;
  const refs = Array.from({ length: n }, (_, i) => `[ref${i}a][ref${i}b]`).join('');
  const select = frames === 'sampled' ? [`select='not(mod(n,${QUALITY_SAMPLE_EVERY}))'`] : [];
  // Frame numbers count the source's frames as the encoders saw them: after a frame-rate fix, not before.
  const changesRate = plan.fixes.videoFilters.some((f) => f.startsWith('fps='));
  const sourceChain = changesRate
    ? [...plan.fixes.videoFilters, ...select]
    : [...select, ...plan.fixes.videoFilters];
  const graph = [`[0:${plan.source.video.index}]${[...sourceChain, `split=${n * 2}`].join(',')}${refs}`];
  const outputs: string[] = [];
  family.renditions.forEach((rendition, i) => {
    // Relative names (the run's cwd is the stats folder): no path characters to escape inside the graph.
    const stats = (metric: string) => `${rendition.id}.${metric}.log`;
    graph.push(
      `[${i + 1}:v]${[...select, `scale=${width}:${height}:flags=bicubic`, 'format=yuv420p'].join(',')},split[dist${i}a][dist${i}b]`,
    );
    graph.push(`[dist${i}a][ref${i}a]psnr=stats_file='${stats('psnr')}'[psnr${i}]`);
    graph.push(`[dist${i}b][ref${i}b]ssim=stats_file='${stats('ssim')}'[ssim${i}]`);
    outputs.push('-map', `[psnr${i}]`, '-f', 'null', '-', '-map', `[ssim${i}]`, '-f', 'null', '-');
  });
  const inputs = family.renditions.flatMap((rendition) => ['-i', path.join(jobDir, rendition.file)]);
  return [
    '-hide_banner',
    '-nostdin',
    '-loglevel',
    'error',
    '-progress',
    'pipe:1',
    '-nostats',
    '-i',
    plan.source.file,
    ...inputs,
    '-filter_complex',
    graph.join(';'),
    ...outputs,
  ];
}

export async function measureFamilyQuality(
  ffmpeg: string,
  plan: JobPlan,
  family: FamilyPlan,
  jobDir: string,
  onStdoutLine: (line: string) => void,
  frames: QualityFrames = 'sampled',
): Promise<Record<string, RenditionQuality>> {
  const statsDir = path.join(jobDir, 'quality', family.family);
  await mkdir(statsDir, { recursive: true });
  await runProcess(ffmpeg, buildQualityArgs(plan, family, jobDir, frames), {
    stage: `validate:quality:${family.family}`,
    cwd: statsDir,
    onStdoutLine,
  });
  const result: Record<string, RenditionQuality> = {};
  for (const rendition of family.renditions) {
    const read = (metric: string) => readFile(path.join(statsDir, `${rendition.id}.${metric}.log`), 'utf8');
    result[rendition.id] = { psnr: averagePsnr(await read('psnr')), ssim: averageSsim(await read('ssim')) };
  }
  return result;
}

/** Pure: mean of per-frame `psnr_avg:` values (identical frames report inf; capped at 100 dB). */
export function averagePsnr(stats: string): number {
  const values = [...stats.matchAll(/psnr_avg:(\S+)/g)].map(([, v]) =>
    v === 'inf' ? 100 : Math.min(100, Number(v)),
  );
  return round(mean(values), 2);
}

/** Pure: mean of per-frame `All:` SSIM values. */
export function averageSsim(stats: string): number {
  const values = [...stats.matchAll(/All:(\S+)/g)].map(([, v]) => Number(v));
  return round(mean(values), 5);
}

function mean(values: number[]): number {
  return values.length ? values.reduce((sum, v) => sum + v, 0) / values.length : 0;
}

function round(value: number, digits: number): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}
