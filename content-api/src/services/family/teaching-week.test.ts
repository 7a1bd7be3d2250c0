import { describe, expect, it } from 'vitest';
import { SchoolCalendarSchema, type SchoolCalendar } from '../../schemas/region-settings.schema.ts';
import { builtInNationalCalendar, springTermStart } from './national-calendar.ts';
import { teachingWeek } from './teaching-week.ts';

const SHANGHAI = 'Asia/Shanghai';
const at = (iso: string) => new Date(iso);
/** Noon in Shanghai on a date: no zone edge near. */
const noon = (date: string) => at(`${date}T04:00:00Z`);

// National Day 1–9 October 2026 takes the whole week of Monday 5 October.
const region: SchoolCalendar = SchoolCalendarSchema.parse({
  terms: [
    { start: '2026-09-01', end: '2027-01-22' },
    { start: '2027-02-22', end: '2027-07-02' },
  ],
  holidays: [{ start: '2026-10-01', end: '2026-10-09' }],
});

describe('teachingWeek on a region calendar', () => {
  it('counts Monday-to-Sunday weeks from the week the term starts in', () => {
    expect(teachingWeek(region, noon('2026-09-01'), SHANGHAI)).toMatchObject({
      termIndex: 0,
      semester: 'autumn',
      week: 1,
      weeks: 20,
      phase: 'teaching',
    });
    expect(teachingWeek(region, noon('2026-09-06'), SHANGHAI).week).toBe(1);
    expect(teachingWeek(region, noon('2026-09-14'), SHANGHAI).week).toBe(3);
  });

  it('does not count a week that is all holiday, and holds the week number through it', () => {
    expect(teachingWeek(region, noon('2026-10-02'), SHANGHAI)).toMatchObject({ week: 5, phase: 'teaching' });
    expect(teachingWeek(region, noon('2026-10-06'), SHANGHAI)).toMatchObject({ week: 5, phase: 'holiday' });
    expect(teachingWeek(region, noon('2026-10-12'), SHANGHAI)).toMatchObject({ week: 6, phase: 'teaching' });
  });

  it('between terms gives the last week of the previous term; before the first term, week 1 of it', () => {
    expect(teachingWeek(region, noon('2027-02-01'), SHANGHAI)).toMatchObject({
      termIndex: 0,
      week: 20,
      weeks: 20,
      phase: 'between-terms',
    });
    expect(teachingWeek(region, noon('2027-02-22'), SHANGHAI)).toMatchObject({
      termIndex: 1,
      semester: 'spring',
      week: 1,
      phase: 'teaching',
    });
    expect(teachingWeek(region, noon('2027-08-15'), SHANGHAI)).toMatchObject({
      termIndex: 1,
      phase: 'between-terms',
    });
    expect(teachingWeek(region, noon('2026-08-01'), SHANGHAI)).toMatchObject({
      termIndex: 0,
      week: 1,
      phase: 'between-terms',
    });
  });

  it('takes the date in the household time zone, not UTC', () => {
    // 01:00 on 1 September in Shanghai is still 31 August in UTC and in New York.
    const instant = at('2026-08-31T17:00:00Z');
    expect(teachingWeek(region, instant, SHANGHAI)).toMatchObject({ date: '2026-09-01', phase: 'teaching' });
    expect(teachingWeek(region, instant, 'UTC')).toMatchObject({
      date: '2026-08-31',
      phase: 'between-terms',
    });
  });
});

describe('the built-in national calendar', () => {
  it('starts the spring term on the Monday after the Spring Festival week', () => {
    expect(springTermStart(2026)).toBe('2026-03-02'); // festival Tue 17 Feb
    expect(springTermStart(2027)).toBe('2027-02-15'); // festival Sat 6 Feb
    expect(springTermStart(2025)).toBe('2025-02-10'); // festival Wed 29 Jan
    expect(springTermStart(2031)).toBeUndefined();
  });

  it('is a valid calendar of autumn terms from 1 September and spring terms, 2024 to 2030', () => {
    const calendar = SchoolCalendarSchema.parse(builtInNationalCalendar());
    expect(calendar.terms[0]).toEqual({ start: '2023-09-01', end: '2024-01-20' });
    expect(calendar.terms).toContainEqual({ start: '2026-09-01', end: '2027-01-20' });
    // The autumn term ends a week before an early Spring Festival (26 January 2028).
    expect(calendar.terms).toContainEqual({ start: '2027-09-01', end: '2028-01-19' });
    expect(calendar.terms.at(-1)).toEqual({ start: '2030-02-11', end: '2030-07-10' });
    expect(teachingWeek(calendar, noon('2026-12-05'), SHANGHAI)).toMatchObject({
      semester: 'autumn',
      week: 14,
      phase: 'teaching',
    });
  });
});
