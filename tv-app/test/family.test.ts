// The family decisions the TV makes by itself: which profile screen at start, what a heartbeat counts,
// where a lesson resumes, and how today's lessons and progress become tiles.
import { describe, expect, it } from 'vitest';
import type { Household, Profile, TodayItem } from '../src/api/family-types.ts';
import { gradeChoices } from '../src/api/formatters/facets.formatter.ts';
import { playChoices } from '../src/api/formatters/lesson.formatter.ts';
import { setLocale } from '../src/i18n/i18n.ts';
import { tileProgress, todayRail } from '../src/api/formatters/tile.formatter.ts';
import type { FacetNode } from '../src/api/types.ts';
import { resumeFrom } from '../src/player/resume.ts';
import { WatchMeter } from '../src/player/watch-meter.ts';
import { decideStart } from '../src/state/profile.ts';
import { profileColor } from '../src/theme/avatars.ts';
import { loadFixture } from './fixtures.ts';

/** The household fixture's child under another id (fixtures/household.json). */
const fixtureChild = loadFixture<Household>('household.json').profiles[0]!;
const profile = (id: string): Profile => ({ ...fixtureChild, id, name: id });

describe('start decision', () => {
  it('creates the first profile, uses a lone one, and asks among several only when it may', () => {
    const [a, b] = [profile('a'), profile('b')];
    expect(decideStart([], null, true)).toEqual({ kind: 'create' });
    expect(decideStart([a], null, true)).toEqual({ kind: 'ready', profile: a });
    expect(decideStart([a, b], 'b', true)).toEqual({ kind: 'pick' });
    expect(decideStart([a, b], 'b', false)).toEqual({ kind: 'ready', profile: b });
    expect(decideStart([a, b], 'gone', false)).toEqual({ kind: 'pick' });
  });
});

describe('watch meter', () => {
  it('counts played seconds, not seeks forward, and rewinds apart', () => {
    const meter = new WatchMeter();
    for (let at = 0; at <= 10; at += 0.25) meter.observe(at, true);
    meter.observe(40, true); // a seek forward: not watched
    meter.observe(30, false); // skipped back 10 s
    meter.observe(30.25, true);
    expect(meter.take()).toEqual({ watchedSeconds: 10.3, rewoundSeconds: 10 });
    expect(meter.take()).toEqual({ watchedSeconds: 0, rewoundSeconds: 0 });
  });

  it('is due for a tick after 20 s of playing, paused time not counted', () => {
    const meter = new WatchMeter();
    for (let at = 0; at <= 15; at += 0.25) meter.observe(at, true);
    meter.observe(15, false);
    expect(meter.isTickDue(20)).toBe(false);
    for (let at = 15; at <= 20.5; at += 0.25) meter.observe(at, true);
    expect(meter.isTickDue(20)).toBe(true);
    expect(meter.isTickDue(20)).toBe(false);
  });
});

describe('resume', () => {
  it('resumes where the profile stopped, not when finished, barely started or at the very end', () => {
    const at = (positionSeconds: number, completed = false) => ({
      positionSeconds,
      durationSeconds: 600,
      completed,
    });
    expect(resumeFrom(at(12))).toBe(12);
    expect(resumeFrom(at(12, true))).toBe(0);
    expect(resumeFrom(at(2))).toBe(0);
    expect(resumeFrom(at(598))).toBe(0);
    expect(resumeFrom(null)).toBe(0);
  });

  it('offers 继续播放 at the resume point and 从头播放, or only 播放 without one', () => {
    setLocale('zh-CN');
    expect(playChoices(12.7)).toEqual([
      { label: '继续播放 0:12', startAt: 12 },
      { label: '从头播放', startAt: 0 },
    ]);
    expect(playChoices(0)).toEqual([{ label: '播放', startAt: 0 }]);
    setLocale('en');
    expect(playChoices(754).map((choice) => choice.label)).toEqual(['Resume 12:34', 'Start over']);
    setLocale('zh-CN');
  });
});

describe('family tiles', () => {
  it('draws progress from the lesson summary, full once completed, nothing before a start', () => {
    expect(tileProgress({ positionSeconds: 150, durationSeconds: 600, completed: false })).toEqual({
      fraction: 0.25,
      isCompleted: false,
    });
    expect(tileProgress({ positionSeconds: 10, durationSeconds: 600, completed: true })).toEqual({
      fraction: 1,
      isCompleted: true,
    });
    expect(tileProgress({ positionSeconds: 0, durationSeconds: 600, completed: false })).toBeUndefined();
    expect(tileProgress(undefined)).toBeUndefined();
  });

  it("puts today's reason where a tile shows its subject, with the lesson's progress", () => {
    const item: TodayItem = {
      id: 'l-1',
      title: { zh: '认识图形' },
      durationSeconds: 600,
      teachers: [],
      periodCount: 1,
      playable: true,
      subject: { id: 'math', name: { zh: '数学' } },
      progress: { positionSeconds: 300, durationSeconds: 600, completed: false },
      reason: { zh: '接着看：上次看到 5:00', en: 'Continue from 5:00' },
      reasonCode: 'continue',
    };
    const rail = todayRail([item], '小宝的今日课程');
    expect(rail.id).toBe('today');
    expect(rail.tiles[0]).toMatchObject({ id: 'l-1', href: '/lesson/l-1', progress: { fraction: 0.5 } });
    expect(rail.tiles[0]!.subtitle.replaceAll('\u200b', '')).toBe('接着看：上次看到 5:00');
  });

  it('offers the grades of the facet tree stage by stage, and an avatar colour from the profile', () => {
    const { tree } = loadFixture('facets.json') as { tree: FacetNode[] };
    expect(gradeChoices(tree)).toEqual([{ stage: '小学', grades: [{ id: 'g1', label: '一年级' }] }]);
    expect(profileColor('#E4572E', 'fox')).toBe(0xe4572eff);
    expect(profileColor('red', 'frog')).toBe(0x5bb85dff);
  });
});
