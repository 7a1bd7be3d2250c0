import type { DateRange, SchoolCalendar } from '../../schemas/region-settings.schema.ts';
import { zonedDate } from '../time-zone.ts';
import { dayNumber, weekdayOf } from './calendar.ts';

const mondayOf = (day: number) => day - weekdayOf(day);

/**
 * Where a day sits in the school year. `teaching`: in a term, in a week with lessons. `holiday`: in a term, in
 * a week that is all holiday (the week number stays at the last week taught). `between-terms`: outside every
 * term; the week is the last week of the previous term (the child's grade is still that term's grade, so
 * today's lessons review its end), or week 1 of the first term before the calendar starts.
 */
export type TeachingWeek = {
  date: string;
  termIndex: number;
  term: DateRange;
  /** By the month the term starts: July–December is the autumn term (上册), January–June the spring term (下册). */
  semester: 'autumn' | 'spring';
  /** 1-based; holiday weeks are not counted. */
  week: number;
  /** Teaching weeks in the whole term. */
  weeks: number;
  phase: 'teaching' | 'holiday' | 'between-terms';
};

/** Whether a Monday–Sunday week has a school day (Monday to Friday) in the term that is not a holiday. */
function isTaughtWeek(monday: number, term: DateRange, holidays: readonly DateRange[]): boolean {
  const [termStart, termEnd] = [dayNumber(term.start), dayNumber(term.end)];
  for (let day = monday; day < monday + 5; day += 1) {
    if (day < termStart || day > termEnd) continue;
    const isHoliday = holidays.some(
      (holiday) => day >= dayNumber(holiday.start) && day <= dayNumber(holiday.end),
    );
    if (!isHoliday) return true;
  }
  return false;
}

/** The taught weeks of a term, as the day numbers of their Mondays. */
function taughtWeeks(term: DateRange, holidays: readonly DateRange[]): number[] {
  const mondays: number[] = [];
  for (let monday = mondayOf(dayNumber(term.start)); monday <= dayNumber(term.end); monday += 7) {
    if (isTaughtWeek(monday, term, holidays)) mondays.push(monday);
  }
  return mondays;
}

/** The week of `day` in one term; a day after the term's end counts as its last day, between terms. */
function weekIn(calendar: SchoolCalendar, termIndex: number, day: number, date: string): TeachingWeek {
  const term = calendar.terms[termIndex]!;
  const mondays = taughtWeeks(term, calendar.holidays ?? []);
  const inTerm = day <= dayNumber(term.end);
  const thisMonday = mondayOf(Math.min(day, dayNumber(term.end)));
  const taughtSoFar = mondays.filter((monday) => monday <= thisMonday).length;
  return {
    date,
    termIndex,
    term,
    semester: Number(term.start.slice(5, 7)) >= 7 ? 'autumn' : 'spring',
    week: Math.max(1, Math.min(taughtSoFar, mondays.length)),
    weeks: Math.max(1, mondays.length),
    phase: !inTerm ? 'between-terms' : mondays.includes(thisMonday) ? 'teaching' : 'holiday',
  };
}

/** The term and teaching week of an instant, on the calendar date of `timeZone`. */
export function teachingWeek(calendar: SchoolCalendar, at: Date, timeZone: string): TeachingWeek {
  const date = zonedDate(timeZone, at);
  const day = dayNumber(date);
  const terms = calendar.terms;
  // Terms are in date order (the schema checks it): the last one starting on or before the day.
  let index = -1;
  terms.forEach((term, candidate) => {
    if (dayNumber(term.start) <= day) index = candidate;
  });
  if (index < 0) {
    const first = weekIn(calendar, 0, dayNumber(terms[0]!.start), date);
    return { ...first, week: 1, phase: 'between-terms' };
  }
  return weekIn(calendar, index, day, date);
}
