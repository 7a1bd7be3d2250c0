import { describe, expect, it } from 'vitest';
import { qualitySeries } from './quality-chart-model.ts';

describe('the quality plot model', () => {
  it('makes one curve per family, rungs from the lowest, skipping rungs without the metric', () => {
    const rungs = [
      { id: 'av1-240p', family: 'av1' as const, height: 240, averageKbps: 60, ssim: 0.95, psnr: 33 },
      { id: 'h264-240p', family: 'h264' as const, height: 240, averageKbps: 120, ssim: 0.96, psnr: 34 },
      { id: 'h264-144p', family: 'h264' as const, height: 144, averageKbps: 70, ssim: 0.9, psnr: 30 },
      { id: 'av1-144p', family: 'av1' as const, height: 144, averageKbps: 40 },
    ];
    expect(qualitySeries(rungs, 'ssim')).toEqual([
      {
        family: 'h264',
        points: [
          { kbps: 70, value: 0.9, height: 144 },
          { kbps: 120, value: 0.96, height: 240 },
        ],
      },
      { family: 'av1', points: [{ kbps: 60, value: 0.95, height: 240 }] },
    ]);
    expect(qualitySeries(rungs, 'psnr')[0]!.points.map((p) => p.value)).toEqual([30, 34]);
  });
});
