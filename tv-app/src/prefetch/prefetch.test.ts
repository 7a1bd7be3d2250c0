import { describe, expect, it } from 'vitest';
import { planEviction, type StoredLesson } from './eviction.ts';
import { parsePrefetchConfig } from './prefetch-config.ts';
import { inWindow } from './schedule.ts';

const lesson = (lessonId: string, airDate: string, bytes: number): StoredLesson => ({
  lessonId,
  airDate,
  bytes,
  manifestUrl: `/media/${lessonId}/manifest.mpd`,
  urls: [],
});

describe('eviction', () => {
  it("drops yesterday's lessons, then the earliest air dates until the new one fits", () => {
    const stored = [
      lesson('old', '2026-12-05', 10),
      lesson('a', '2026-12-06', 40),
      lesson('b', '2026-12-07', 40),
    ];
    const plan = planEviction(stored, { lessonId: 'c', bytes: 30 }, '2026-12-06', 100);
    expect(plan).toEqual({ fits: true, evict: [stored[0], stored[1]] });
  });

  it('keeps everything and refuses a lesson larger than the whole budget', () => {
    const stored = [lesson('a', '2026-12-07', 40)];
    expect(planEviction(stored, { lessonId: 'c', bytes: 101 }, '2026-12-06', 100)).toEqual({
      fits: false,
      evict: [],
    });
  });
});

describe('prefetch window and config', () => {
  it('runs inside the local window, also across midnight', () => {
    expect(inWindow(1, { startHour: 1, endHour: 5 })).toBe(true);
    expect(inWindow(5, { startHour: 1, endHour: 5 })).toBe(false);
    expect(inWindow(23, { startHour: 22, endHour: 4 })).toBe(true);
    expect(inWindow(12, { startHour: 22, endHour: 4 })).toBe(false);
  });

  it('names the bad field', () => {
    expect(() => parsePrefetchConfig({ budgetBytes: -1 })).toThrow('prefetch.budgetBytes');
    expect(() => parsePrefetchConfig({ startHour: 25 })).toThrow('prefetch.startHour');
    expect(parsePrefetchConfig({ budgetBytes: 1000 }).budgetBytes).toBe(1000);
  });
});
