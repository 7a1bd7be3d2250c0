import type { CodecFamily } from '@ketang/catalog';
import { EIGHT_K_HEIGHT, MAX_HEIGHT, type Rung } from '../config/ladders.ts';
import { toEven } from './source-fixes.ts';

export interface PlannedRung {
  height: number;
  width: number;
  maxrateKbps: number;
}

const HIGH_FRAME_RATE_FACTOR = 1.5;

/**
 * Pure: the rungs of one family for a source — never taller than the source, capped per family
 * (4320p only for 8K sources), the source height itself when it is below the lowest rung.
 */
export function planRungs(
  family: CodecFamily,
  ladder: readonly Rung[],
  source: { width: number; height: number; frameRate: number },
): PlannedRung[] {
  const familyCap = source.height >= EIGHT_K_HEIGHT ? EIGHT_K_HEIGHT : MAX_HEIGHT[family];
  const tallest = Math.min(familyCap, source.height);
  const sorted = [...ladder].sort((a, b) => a.height - b.height);
  const fitting = sorted.filter((rung) => rung.height <= tallest);
  const chosen =
    fitting.length > 0 ? fitting : sorted.slice(0, 1).map((rung) => ({ ...rung, height: tallest }));
  // Caps are set for 30 fps; 50/60 fps content needs more bits per second for the same quality.
  const rateFactor = source.frameRate > 31 ? HIGH_FRAME_RATE_FACTOR : 1;
  return chosen.map((rung) => ({
    height: toEven(rung.height),
    width: toEven((rung.height * source.width) / source.height),
    maxrateKbps: Math.round(rung.maxrateKbps * rateFactor),
  }));
}
