import type { CodecFamily } from '@ketang/catalog';
import { EIGHT_K_HEIGHT } from '../config/ladders.ts';

/**
 * Pure: the families each ffmpeg process encodes, in order. A process decodes, converts and scales the source
 * once for all its families, and their encoders keep both cores busy together (ffmpeg 5.1 decodes and filters
 * on one thread, so one process per family repeated that work and left cores idle).
 * - By default every family in one process: the least CPU and the shortest job (17.2 s against 20.4 s for a
 *   1080p title in the benchmark), which is what a machine working through a queue of lessons needs.
 * - `h264First`: H.264 alone, so that it is published and every box can play the title early (after 6.9 s
 *   in that run), then the other families in one process. For a title needed now.
 * - 8K: one family per process. One family held 2.8 GiB at 2160p, and 4320p has four times the pixels.
 */
export function planEncodePhases(
  families: readonly CodecFamily[],
  outputHeight: number,
  h264First: boolean,
): CodecFamily[][] {
  if (outputHeight >= EIGHT_K_HEIGHT) return families.map((family) => [family]);
  const rest = families.filter((family) => family !== 'h264');
  if (h264First && families.includes('h264') && rest.length > 0) return [['h264'], rest];
  return [[...families]];
}

/** H.264 is published on its own when it is encoded before the other families. */
export function publishesH264Early(phases: readonly CodecFamily[][]): boolean {
  return phases.length > 1 && phases[0]?.length === 1 && phases[0][0] === 'h264';
}

/** How many families' PSNR/SSIM analyses run side by side (each decodes the source; memory at 8K). */
export function analysesAtOnce(outputHeight: number): number {
  return outputHeight >= EIGHT_K_HEIGHT ? 1 : 2;
}
