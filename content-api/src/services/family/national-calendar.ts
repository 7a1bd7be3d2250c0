import type { SchoolCalendar } from '../../schemas/region-settings.schema.ts';
import { addDays, dateOfDay, dayNumber, weekdayOf } from './calendar.ts';

/** 春节 (the first day of the lunar year), 2024–2030. Extend the table to keep the built-in calendar going. */
const SPRING_FESTIVAL: Readonly<Record<number, string>> = {
  2024: '2024-02-10',
  2025: '2025-01-29',
  2026: '2026-02-17',
  2027: '2027-02-06',
  2028: '2028-01-26',
  2029: '2029-02-13',
  2030: '2030-02-03',
};

/** The autumn term ends by 20 January, and at the latest a week before the Spring Festival. */
const AUTUMN_END = '01-20';
/** The spring term ends when the summer holiday starts. */
const SPRING_END = '07-10';

/** The first Monday after the Spring Festival holiday week (the festival day and the six days after it). */
export function springTermStart(year: number): string | undefined {
  const festival = SPRING_FESTIVAL[year];
  if (!festival) return undefined;
  const afterHoliday = dayNumber(festival) + 7;
  return dateOfDay(afterHoliday + ((7 - weekdayOf(afterHoliday)) % 7));
}

function autumnTerm(year: number): SchoolCalendar['terms'][number] | undefined {
  const festival = SPRING_FESTIVAL[year + 1];
  if (!festival) return undefined;
  const byJanuary = `${year + 1}-${AUTUMN_END}`;
  const weekBeforeFestival = addDays(festival, -7);
  return { start: `${year}-09-01`, end: byJanuary < weekBeforeFestival ? byJanuary : weekBeforeFestival };
}

/**
 * The built-in national calendar, for regions (and a national setting) without one of their own: an autumn
 * term from 1 September and a spring term from the Monday after the Spring Festival week, for every year the
 * festival table covers.
 */
export function builtInNationalCalendar(): SchoolCalendar {
  const years = Object.keys(SPRING_FESTIVAL).map(Number);
  const terms: SchoolCalendar['terms'] = [];
  for (let year = Math.min(...years) - 1; year <= Math.max(...years); year += 1) {
    const spring = springTermStart(year);
    if (spring) terms.push({ start: spring, end: `${year}-${SPRING_END}` });
    const autumn = autumnTerm(year);
    if (autumn) terms.push(autumn);
  }
  return { terms };
}
