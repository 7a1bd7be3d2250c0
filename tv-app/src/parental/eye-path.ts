// Where the eye exercise's dot is at a time: x and y in [-1, 1] and a scale. Pure, so it is tested.
import { CARE_MOTION } from '../theme/care.ts';

export type EyeDot = { phase: 'eight' | 'nearFar'; x: number; y: number; scale: number };

const NEAR_SCALE = 3;
const FAR_SCALE = 0.4;

export function eyeDotAt(elapsedMs: number): EyeDot {
  const inPhase = elapsedMs % (CARE_MOTION.phaseMs * 2);
  if (inPhase < CARE_MOTION.phaseMs) {
    // Lemniscate of Gerono, drawn on its side: x = sin θ, y = sin θ cos θ (×2 to fill the height).
    const angle = ((elapsedMs % CARE_MOTION.eightLapMs) / CARE_MOTION.eightLapMs) * Math.PI * 2;
    return { phase: 'eight', x: Math.sin(angle), y: 2 * Math.sin(angle) * Math.cos(angle), scale: 1 };
  }
  const cycle = ((inPhase - CARE_MOTION.phaseMs) % CARE_MOTION.nearFarMs) / CARE_MOTION.nearFarMs;
  const nearness = (1 - Math.cos(cycle * Math.PI * 2)) / 2; // 0 far → 1 near → 0 far
  return { phase: 'nearFar', x: 0, y: 0, scale: FAR_SCALE + (NEAR_SCALE - FAR_SCALE) * nearness };
}
