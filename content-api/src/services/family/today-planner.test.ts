import { describe, expect, it } from 'vitest';
import { LESSON_SECONDS, todayFacets, todayIndex } from '../../../test/fixtures/today-catalogue.ts';
import type { LessonProgressLike } from './subject-plan.ts';
import { planToday, type TodayInput, type TodayPlanItem } from './today-planner.ts';
import { todayReasonText } from './today-reasons.ts';
import { textbookOrderOf } from './textbook-order.ts';
import type { TeachingWeek } from './teaching-week.ts';

const NOW = new Date('2026-10-14T02:00:00Z'); // 10:00 on Wednesday 14 October in Shanghai
const hoursAgo = (hours: number) => new Date(NOW.getTime() - hours * 3_600_000).toISOString();
const autumnWeek5: TeachingWeek = {
  date: '2026-10-14',
  termIndex: 0,
  term: { start: '2026-09-01', end: '2027-01-22' },
  semester: 'autumn',
  week: 5,
  weeks: 20,
  phase: 'teaching',
};

function input(overrides: Partial<TodayInput> = {}): TodayInput {
  return {
    now: NOW,
    timeZone: 'Asia/Shanghai',
    child: { gradeId: 'g1', editions: {}, allowList: null },
    usualEditions: { math: 'pep', chinese: 'pep' },
    lessons: todayIndex,
    textbooks: textbookOrderOf(todayIndex).grade('g1'),
    progress: [],
    recentSlots: [],
    week: autumnWeek5,
    remainingSeconds: null,
    ...overrides,
  };
}

function progress(lessonId: string, fields: Partial<LessonProgressLike> = {}): LessonProgressLike {
  const completed = fields.completed ?? false;
  return {
    lessonId,
    positionSeconds: completed ? LESSON_SECONDS : 300,
    durationSeconds: LESSON_SECONDS,
    watchedSeconds: completed ? LESSON_SECONDS : 300,
    rewoundSeconds: 0,
    completed,
    updatedAt: hoursAgo(30),
    ...fields,
  };
}

const done = (...ids: string[]) => ids.map((id) => progress(id, { completed: true }));
const summary = (items: TodayPlanItem[]) => items.map((item) => `${item.lesson.id} ${item.reason.code}`);
const texts = (items: TodayPlanItem[]) => items.map((item) => todayReasonText(item.reason, todayFacets).zh);

describe('planToday', () => {
  it('gives a new child this week’s lesson per subject, at the week’s share of the volume, then the next', () => {
    // Week 5 of 20 starts at 4/20 of a 10-lesson volume: its third lesson.
    const items = planToday(input());
    expect(summary(items)).toEqual([
      'c1-03 this-week',
      'm1-03 this-week',
      'c1-01 next-in-subject',
      'm1-01 next-in-subject',
    ]);
    expect(texts(items)).toEqual([
      '本周第5周·语文',
      '本周第5周·数学',
      '语文·接着学下一课',
      '数学·接着学下一课',
    ]);
    expect(items.every((item) => item.seconds === LESSON_SECONDS)).toBe(true);
  });

  it('reads the child’s own edition over the region’s, and the second volume in the spring term', () => {
    const bnu = planToday(input({ child: { gradeId: 'g1', editions: { math: 'bnu' }, allowList: null } }));
    expect(summary(bnu)).toContain('mb-01 this-week');
    expect(summary(bnu).some((line) => line.startsWith('m1-'))).toBe(false);
    // An edition the grade does not have falls back to the region's usual one.
    const unknown = planToday(
      input({ child: { gradeId: 'g1', editions: { math: 'bnu-x' }, allowList: null } }),
    );
    expect(summary(unknown)).toContain('m1-03 this-week');
    const spring = planToday(input({ week: { ...autumnWeek5, semester: 'spring', week: 1, weeks: 18 } }));
    expect(summary(spring).slice(0, 2)).toEqual(['c2-01 this-week', 'm2-01 this-week']);
  });

  it('puts unfinished lessons first, most recent first, with where the child stopped', () => {
    const items = planToday(
      input({
        progress: [
          progress('c1-05', { positionSeconds: 60, updatedAt: hoursAgo(20) }),
          progress('m1-05', { positionSeconds: 725, updatedAt: hoursAgo(2) }),
          ...done('c1-01', 'c1-02', 'm1-01', 'm1-02'),
        ],
      }),
    );
    expect(summary(items).slice(0, 2)).toEqual(['m1-05 continue', 'c1-05 continue']);
    expect(texts(items)[0]).toBe('上次看到12:05');
    expect(items[0]!.seconds).toBe(LESSON_SECONDS - 725);
  });

  it('skips completed lessons: this week moves on to the next one not done, next follows the furthest done', () => {
    const items = planToday(
      input({ progress: done('c1-01', 'c1-02', 'c1-03', 'c1-04', 'm1-01', 'm1-02', 'm1-03') }),
    );
    expect(summary(items)).toEqual([
      'c1-05 this-week',
      'm1-04 this-week',
      // Both next lessons are already this week's: each lesson appears once.
    ]);
  });

  it('offers the lesson on air now at its position, then missed slots of the last 7 days not completed', () => {
    const slot = (lessonId: string, hoursBefore: number) => ({
      channelId: 'ch-g1',
      lessonId,
      start: hoursAgo(hoursBefore),
      end: hoursAgo(hoursBefore - 0.5),
    });
    const items = planToday(
      input({
        onAir: { channelId: 'ch-g1', lessonId: 'c1-07', lessonPositionSeconds: 120 },
        recentSlots: [
          slot('m1-09', 72), // three days ago
          slot('c1-08', 20), // yesterday at 14:00
          slot('c1-06', 2), // completed
          slot('m1-10', 8 * 24), // more than a week ago
          slot('c1-09', -2), // not yet aired
          slot('c1-08', 40), // the same lesson earlier: once
        ],
        progress: done('c1-06'),
      }),
    );
    expect(summary(items).slice(0, 3)).toEqual(['c1-07 on-air', 'c1-08 catch-up', 'm1-09 catch-up']);
    expect(items[0]).toMatchObject({
      channelId: 'ch-g1',
      lessonPositionSeconds: 120,
      seconds: LESSON_SECONDS - 120,
    });
    expect(texts(items).slice(0, 3)).toEqual(['正在直播', '昨天错过的直播课', '3天前错过的直播课']);
    expect(summary(items)).not.toContain('c1-06 catch-up');
    expect(summary(items).some((line) => line.startsWith('m1-10') || line.startsWith('c1-09 catch'))).toBe(
      false,
    );
  });

  it('puts behind subjects first and says why: low completion, an abandoned lesson, often rewound', () => {
    // Chinese is done up to this week; none of the math due (two lessons) is.
    const low = planToday(input({ progress: done('c1-01', 'c1-02') }));
    expect(summary(low).slice(0, 2)).toEqual(['m1-03 weak-subject', 'c1-03 this-week']);
    expect(texts(low)[0]).toBe('数学完成得少，先补上');

    const upToDate = done('c1-01', 'c1-02', 'm1-01', 'm1-02');
    const abandoned = planToday(
      input({ progress: [...upToDate, progress('m1-06', { updatedAt: hoursAgo(80) })] }),
    );
    expect(summary(abandoned)).toContain('m1-03 weak-subject');
    expect(texts(abandoned)).toContain('数学有课没看完，先补上');
    // Two days untouched is not abandoned yet.
    const recent = planToday(
      input({ progress: [...upToDate, progress('m1-06', { updatedAt: hoursAgo(48) })] }),
    );
    expect(summary(recent)).toContain('c1-03 this-week');
    expect(summary(recent)).toContain('m1-03 this-week');

    const rewound = planToday(
      input({
        progress: [
          ...upToDate.slice(2),
          progress('c1-01', { completed: true, watchedSeconds: 1200, rewoundSeconds: 700 }),
          progress('c1-02', { completed: true }),
        ],
      }),
    );
    expect(summary(rewound).slice(0, 2)).toEqual(['c1-03 weak-subject', 'm1-03 this-week']);
    expect(texts(rewound)[0]).toBe('语文常倒回重看，先巩固');
  });

  it('never goes past the remaining quota, skipping what does not fit', () => {
    const items = planToday(
      input({
        remainingSeconds: 1_000,
        progress: [progress('m1-05', { positionSeconds: 800, updatedAt: hoursAgo(1) })],
      }),
    );
    // 100 s of m1-05 left, then one 900-s lesson fits; nothing more.
    expect(items.map((item) => item.lesson.id)).toEqual(['m1-05', 'c1-03']);
    expect(items.reduce((sum, item) => sum + item.seconds, 0)).toBeLessThanOrEqual(1_000);
    expect(planToday(input({ remainingSeconds: 0 }))).toEqual([]);
    expect(planToday(input({ remainingSeconds: 899 }))).toEqual([]);
  });

  it('keeps to the allow-list: no other subject, not even on air or to continue', () => {
    const items = planToday(
      input({
        child: { gradeId: 'g1', editions: {}, allowList: { subjectIds: ['math'], sectionIds: [] } },
        onAir: { channelId: 'ch-g1', lessonId: 'c1-07', lessonPositionSeconds: 0 },
        progress: [progress('c1-05', { updatedAt: hoursAgo(1) })],
      }),
    );
    // The child has watched something and no math is done: math is behind.
    expect(summary(items)).toEqual(['m1-03 weak-subject', 'm1-01 next-in-subject']);
  });

  it('without a teaching week gives the next unfinished lesson per subject only', () => {
    expect(summary(planToday(input({ week: undefined, progress: done('m1-01') })))).toEqual([
      'c1-01 next-in-subject',
      'm1-02 next-in-subject',
    ]);
  });
});
