import { describe, expect, it } from 'vitest';
import { bdRate, bitrateForSsim, ssimDb } from './rate-quality.ts';

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

describe('bdRate', () => {
  it('is the constant bitrate ratio when one ladder is the other at a fraction of the bits', () => {
    const reference = [
      { kbps: 1000, ssim: 0.96 },
      { kbps: 3000, ssim: 0.98 },
      { kbps: 9000, ssim: 0.995 },
    ];
    const cheaper = reference.map((rung) => ({ ...rung, kbps: rung.kbps * 0.25 }));
    expect(bdRate(cheaper, reference)).toBeCloseTo(-0.75, 6);
    expect(bdRate(reference, cheaper)).toBeCloseTo(3, 6);
  });

  it('averages over the SSIM range both ladders cover only', () => {
    const reference = [
      { kbps: 1000, ssim: 0.96 },
      { kbps: 4000, ssim: 0.99 },
      { kbps: 9000, ssim: 0.999 }, // beyond our best rung: outside the comparison
    ];
    const ours = [
      { kbps: 100, ssim: 0.95 }, // below their cheapest: outside too
      { kbps: 250, ssim: 0.96 },
      { kbps: 1000, ssim: 0.99 },
    ];
    expect(bdRate(ours, reference)).toBeCloseTo(-0.75, 6);
  });

  it('is undefined when the ladders share no range of quality', () => {
    expect(
      bdRate(
        [
          { kbps: 100, ssim: 0.9 },
          { kbps: 200, ssim: 0.92 },
        ],
        ladder,
      ),
    ).toBeUndefined();
  });
});

describe('ssimDb', () => {
  it('maps 0.99 to 20 dB and 0.999 to 30 dB', () => {
    expect(ssimDb(0.99)).toBeCloseTo(20, 9);
    expect(ssimDb(0.999)).toBeCloseTo(30, 9);
  });
});
