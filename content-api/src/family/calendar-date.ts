/**
 * Plain calendar dates (`YYYY-MM-DD`, no time zone) and the little arithmetic the school calendar needs.
 * Dates are handled as whole days since the epoch, so no daylight-saving or zone offset can shift a day.
 */

const DAY_MS = 86_400_000;
const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Whether a `YYYY-MM-DD` string names a day that exists (not 2026-02-30). */
export function isRealDate(text: string): boolean {
  const match = DATE_PATTERN.exec(text);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** Days since 1970-01-01 of a real `YYYY-MM-DD` date. */
export function dayNumber(date: string): number {
  return Math.round(Date.parse(`${date}T00:00:00Z`) / DAY_MS);
}

export function dateOfDay(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

export function addDays(date: string, days: number): string {
  return dateOfDay(dayNumber(date) + days);
}

/** The Monday of the week a day falls in (weeks run Monday to Sunday, as Chinese school timetables do). */
export function mondayOf(day: number): number {
  // 1970-01-01 was a Thursday: day 0 is weekday 3 counting from Monday = 0.
  return day - ((day + 3) % 7);
}

/** 0 for Monday … 6 for Sunday. */
export function weekdayOf(day: number): number {
  return (day + 3) % 7;
}
