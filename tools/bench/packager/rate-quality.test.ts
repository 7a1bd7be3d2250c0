import { describe, expect, it } from 'vitest';
import { bitrateForSsim, ssimDb } from './rate-quality.ts';

const ladder = [
  { kbps: 100, ssim: 0.97 },
  { kbps: 400, ssim: 0.99 },
  { kbps: 200, ssim: 0.96 }, // dearer than the 100 kbps rung and worse: never chosen
];

describe('bitrateForSsim', () => {
  it('is the cheapest rung when that one already reaches the quality', () => {
    expect(bitrateForSsim(ladder, 0.95)).toBe(100);
  });

  it('interpolates in log bitrate against SSIM dB between the rungs around the quality', () => {
    const halfwayDb = (ssimDb(0.97) + ssimDb(0.99)) / 2;
    const halfway = 1 - 10 ** (-halfwayDb / 10);
    expect(bitrateForSsim(ladder, halfway)).toBeCloseTo(200, 6);
    expect(bitrateForSsim(ladder, 0.99)).toBeCloseTo(400, 6);
  });

  it('is undefined above the best rung', () => {
    expect(bitrateForSsim(ladder, 0.995)).toBeUndefined();
  });
});

describe('ssimDb', () => {
  it('maps 0.99 to 20 dB and 0.999 to 30 dB', () => {
    expect(ssimDb(0.99)).toBeCloseTo(20, 9);
    expect(ssimDb(0.999)).toBeCloseTo(30, 9);
  });
});
