import { describe, expect, it } from 'vitest';
import { CARE_MOTION } from '../theme/care.ts';
import { eyeDotAt } from './eye-path.ts';

describe('eye exercise path', () => {
  it('draws a figure-eight: centre, right lobe, centre, left lobe, within the track', () => {
    const lap = CARE_MOTION.eightLapMs;
    const at = (f: number) => eyeDotAt(f * lap);
    expect(at(0)).toMatchObject({ phase: 'eight', x: 0, y: 0 });
    expect(at(0.25).x).toBeCloseTo(1);
    expect(at(0.5).x).toBeCloseTo(0);
    expect(at(0.75).x).toBeCloseTo(-1);
    // The two lobes are crossed: above the centre line on one side of each lobe, below on the other.
    expect(Math.sign(at(0.125).y)).toBe(-Math.sign(at(0.375).y));
    for (let f = 0; f < 1; f += 0.01) {
      expect(Math.abs(at(f).x)).toBeLessThanOrEqual(1);
      expect(Math.abs(at(f).y)).toBeLessThanOrEqual(1.0000001);
    }
  });

  it('then goes near and far in the middle, and back to the eight', () => {
    const start = CARE_MOTION.phaseMs;
    const far = eyeDotAt(start);
    const near = eyeDotAt(start + CARE_MOTION.nearFarMs / 2);
    expect(far).toMatchObject({ phase: 'nearFar', x: 0, y: 0 });
    expect(near.scale).toBeGreaterThan(far.scale * 5);
    expect(eyeDotAt(start * 2).phase).toBe('eight');
  });
});
