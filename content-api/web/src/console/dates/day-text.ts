// The console's dates are typed as text, YYYY-MM-DD (and HH:mm for a time): Chromium draws <input type="date"> in
// the browser's own locale (mm/dd/yyyy on an English system) whatever the page's language, which misleads a
// zh-CN operator. These check the text is a real day and give it in the forms the API and the code use.

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_TIME = /^(\d{4}-\d{2}-\d{2})[ T](\d{2}):(\d{2})$/;

/** The day as YYYY-MM-DD when the text names a real calendar day (no 2026-02-30), else undefined. */
export function parseDay(text: string): string | undefined {
  const match = DAY.exec(text.trim());
  if (!match) return undefined;
  const [, year, month, day] = match.map(Number) as [number, number, number, number];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day
    ? match[0]
    : undefined;
}

/** A local wall time as YYYY-MM-DDTHH:mm (a datetime-local's value) from "YYYY-MM-DD HH:mm", else undefined. */
export function parseDayTime(text: string): string | undefined {
  const match = DAY_TIME.exec(text.trim());
  if (!match || !parseDay(match[1]!)) return undefined;
  const [hour, minute] = [Number(match[2]), Number(match[3])];
  return hour < 24 && minute < 60 ? `${match[1]}T${match[2]}:${match[3]}` : undefined;
}

/** How a canonical value is shown in the field: the day, or the day and time with a space. */
export const dayTimeText = (value: string): string => value.replace('T', ' ');
