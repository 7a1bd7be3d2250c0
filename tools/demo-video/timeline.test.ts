import { describe, expect, it } from 'vitest';
import { buildTimeline } from './timeline.ts';

const TIMING = { leadInSeconds: 0.6, gapSeconds: 0.4, tailSeconds: 0.9 };

describe('buildTimeline', () => {
  it('times each slide to its narration plus lead-in and tail, in whole frames', () => {
    const timeline = buildTimeline([{ zh: 2 }, { zh: 1.5, en: 1 }], 25, TIMING);
    // slide 1: 0.6 + 2 + 0.9 = 3.5 s = 87.5 frames, rounded up to 88
    expect(timeline.slides).toEqual([
      { startFrame: 0, frameCount: 88 },
      { startFrame: 88, frameCount: 110 }, // 0.6 + 1.5 + 0.4 + 1 + 0.9 = 4.4 s
    ]);
    expect(timeline.totalFrames).toBe(198);
    expect(timeline.durationSeconds).toBeCloseTo(7.92);
  });

  it('places the Chinese clip after the lead-in and the English one after a gap', () => {
    const timeline = buildTimeline([{ zh: 2 }, { zh: 1.5, en: 1 }], 25, TIMING);
    expect(timeline.clips).toEqual([
      { slideIndex: 0, language: 'zh', startSeconds: 0.6, durationSeconds: 2 },
      { slideIndex: 1, language: 'zh', startSeconds: expect.closeTo(3.52 + 0.6), durationSeconds: 1.5 },
      {
        slideIndex: 1,
        language: 'en',
        startSeconds: expect.closeTo(3.52 + 0.6 + 1.5 + 0.4),
        durationSeconds: 1,
      },
    ]);
  });

  it('does not add a frame when the duration already falls on a frame boundary', () => {
    expect(buildTimeline([{ zh: 2.5 }], 25, TIMING).totalFrames).toBe(100);
  });
});
