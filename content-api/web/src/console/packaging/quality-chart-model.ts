// A packaging job's quality report as chart series: per codec family, its rungs as points of average bitrate
// against SSIM (or PSNR), lowest rung first, so each line reads as the family's rate-quality curve.
import type { components } from '../../shared/api/openapi.gen.ts';

export type RungQuality = NonNullable<components['schemas']['PackagingJob']['quality']>[number];
export type QualityMetric = 'ssim' | 'psnr';
export type QualitySeries = { family: string; points: { kbps: number; value: number; height: number }[] };

const FAMILY_ORDER = ['h264', 'hevc', 'av1'];

export function qualitySeries(rungs: readonly RungQuality[], metric: QualityMetric): QualitySeries[] {
  const families = [...new Set(rungs.map((rung) => rung.family))].sort(
    (a, b) => FAMILY_ORDER.indexOf(a) - FAMILY_ORDER.indexOf(b),
  );
  return families.map((family) => ({
    family,
    points: rungs
      .filter((rung) => rung.family === family && rung[metric] !== undefined)
      .sort((a, b) => a.height - b.height)
      .map((rung) => ({ kbps: rung.averageKbps, value: rung[metric]!, height: rung.height })),
  }));
}
