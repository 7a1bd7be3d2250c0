import { describe, expect, it } from 'vitest';
import { analysesAtOnce, planEncodePhases, publishesH264Early } from './schedule.ts';

const ALL = ['h264', 'hevc', 'av1'] as const;

describe('encode phases', () => {
  it('encodes every family in one process by default, and publishes once', () => {
    const phases = planEncodePhases(ALL, 1080, false);
    expect(phases).toEqual([['h264', 'hevc', 'av1']]);
    expect(publishesH264Early(phases)).toBe(false);
  });

  it('encodes H.264 alone first when asked, then the rest together, and publishes H.264 early', () => {
    const phases = planEncodePhases(ALL, 2160, true);
    expect(phases).toEqual([['h264'], ['hevc', 'av1']]);
    expect(publishesH264Early(phases)).toBe(true);
  });

  it('has nothing to put first when H.264 is the only family', () => {
    expect(planEncodePhases(['h264'], 1080, true)).toEqual([['h264']]);
    expect(publishesH264Early([['h264']])).toBe(false);
  });

  it('encodes an 8K source one family at a time (memory), H.264 first', () => {
    const phases = planEncodePhases(ALL, 4320, false);
    expect(phases).toEqual([['h264'], ['hevc'], ['av1']]);
    expect(publishesH264Early(phases)).toBe(true);
    expect(analysesAtOnce(4320)).toBe(1);
    expect(analysesAtOnce(2160)).toBe(2);
  });
});
