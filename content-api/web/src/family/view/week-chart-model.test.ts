import { describe, expect, it } from 'vitest';
import type { WeekReport } from '../../shared/api/family-types.ts';
import { buildWeekChartModel, formatWeekday } from './week-chart-model.ts';

const DATES = [
  '2026-11-30',
  '2026-12-01',
  '2026-12-02',
  '2026-12-03',
  '2026-12-04',
  '2026-12-05',
  '2026-12-06',
];

function report(days: WeekReport['days']): WeekReport {
  return {
    profileId: 'p1',
    week: { start: DATES[0]!, end: DATES[6]! },
    days,
    totalSeconds: days.reduce((sum, day) => sum + day.seconds, 0),
    completedLessons: [],
    streakDays: 0,
    nextLessons: [],
  };
}

const text = (locale: string) => ({
  locale,
  pickText: (t: { zh: string; en?: string }) => (locale === 'en' ? (t.en ?? t.zh) : t.zh),
  otherSubject: locale === 'en' ? 'Other' : '其他',
  subjectNames: new Map([['yuwen', { zh: '语文', en: 'Chinese' }]]),
});

describe('week chart model', () => {
  const week = report(
    DATES.map((date, index) => ({
      date,
      seconds: index === 0 ? 1500 : index === 2 ? 930 : 0,
      subjects:
        index === 0
          ? [
              { subjectId: 'shuxue', name: { zh: '数学', en: 'Mathematics' }, seconds: 1200 },
              { subjectId: null, seconds: 300 },
            ]
          : index === 2
            ? [
                { subjectId: 'yuwen', seconds: 600 },
                { subjectId: 'shuxue', seconds: 330 },
              ]
            : [],
    })),
  );

  it('draws one bar per day, Monday first, labelled in the page language', () => {
    expect(buildWeekChartModel(week, text('zh-CN')).dayLabels).toEqual([
      '周一',
      '周二',
      '周三',
      '周四',
      '周五',
      '周六',
      '周日',
    ]);
    expect(formatWeekday('2026-12-06', 'en')).toBe('Sun');
  });

  it('stacks one series per subject in minutes, most watched first, other time last', () => {
    const model = buildWeekChartModel(week, text('zh-CN'));
    expect(model.series.map((series) => [series.name, series.minutes])).toEqual([
      ['数学', [20, 0, 5.5, 0, 0, 0, 0]],
      ['语文', [0, 0, 10, 0, 0, 0, 0]],
      ['其他', [5, 0, 0, 0, 0, 0, 0]],
    ]);
    expect(model.totalMinutes).toBe(41);
  });

  it('names subjects from the report, else from the catalogue, in English when asked', () => {
    const names = buildWeekChartModel(week, text('en')).series.map((series) => series.name);
    expect(names).toEqual(['Mathematics', 'Chinese', 'Other']);
  });

  it('gives every series its own colour', () => {
    const colors = buildWeekChartModel(week, text('zh-CN')).series.map((series) => series.color);
    expect(new Set(colors).size).toBe(colors.length);
  });
});
