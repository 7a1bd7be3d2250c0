import type { CodecFamily } from '@ketang/catalog';
import { EIGHT_K_HEIGHT } from '../config/ladders.ts';

/**
 * Pure: the families each ffmpeg process encodes, in order.
 * - By default one process encodes every family. The source is then decoded, converted and scaled once for
 *   all of them, and the encoders of every family keep both cores busy together. On 2 cores a 1080p lesson
 *   took 10.0 s this way, against 12.1 s for H.264 alone and then HEVC and AV1 side by side (20% less CPU).
 * - `h264First`: H.264 alone first, so that it is published and every box can play the title sooner; then
 *   the other families together. The whole job takes longer.
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
