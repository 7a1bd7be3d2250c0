/** Calendar arithmetic on local dates (YYYY-MM-DD), independent of any time zone. */
export function addDays(date: string, days: number): string {
  const time = Date.parse(`${date}T00:00:00Z`) + days * 86_400_000;
  return new Date(time).toISOString().slice(0, 10);
}

/** The Monday of a date's week (weeks run Monday to Sunday, as in Chinese school timetables). */
export function mondayOf(date: string): string {
  const weekday = new Date(`${date}T00:00:00Z`).getUTCDay(); // 0 = Sunday
  return addDays(date, -((weekday + 6) % 7));
}

const DAY_MS = 86_400_000;
/** Whole days since 1970-01-01 of a local date: day arithmetic no zone offset can shift. */
export function dayNumber(date: string): number {
  return Math.round(Date.parse(`${date}T00:00:00Z`) / DAY_MS);
}

export function dateOfDay(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** 0 for Monday … 6 for Sunday. */
export function weekdayOf(day: number): number {
  // 1970-01-01 (day 0) was a Thursday.
  return (day + 3) % 7;
}
