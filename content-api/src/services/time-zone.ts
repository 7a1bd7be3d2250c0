const DATE_TIME: Intl.DateTimeFormatOptions = {
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
};
const DATE: Intl.DateTimeFormatOptions = { year: 'numeric', month: '2-digit', day: '2-digit' };

// Building an Intl.DateTimeFormat costs far more than formatting with one (a heartbeat and a child's home each
// date "now" in the household's zone), so each is built once per zone. Zones are IANA names: a bounded set.
const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(locale: 'en-US' | 'en-CA', options: Intl.DateTimeFormatOptions, timeZone: string) {
  const key = `${locale}|${timeZone}`;
  let format = formatters.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, { ...options, timeZone });
    formatters.set(key, format);
  }
  return format;
}

// Heartbeats ask the same zones the same questions many times a second (the household's date, bedtime):
// answers are kept for the second they were asked in. Offsets are whole seconds, so neither a date nor an
// offset changes within one.
const thisSecond = new Map<string, string | number>();
const SECOND_ANSWERS = 1_000;
function perSecond<T extends string | number>(kind: string, timeZone: string, at: Date, answer: () => T): T {
  const key = `${kind}|${timeZone}|${Math.floor(at.getTime() / 1000)}`;
  let value = thisSecond.get(key) as T | undefined;
  if (value === undefined) {
    if (thisSecond.size >= SECOND_ANSWERS) thisSecond.clear();
    value = answer();
    thisSecond.set(key, value);
  }
  return value;
}

/** Offset of a time zone from UTC at an instant, in minutes (Asia/Shanghai → 480). */
export function zoneOffsetMinutes(timeZone: string, at: Date): number {
  return perSecond('offset', timeZone, at, () => computeOffsetMinutes(timeZone, at));
}

function computeOffsetMinutes(timeZone: string, at: Date): number {
  const parts = formatter('en-US', DATE_TIME, timeZone).formatToParts(at);
  const value = (type: string) => Number(parts.find((part) => part.type === type)?.value);
  const asUtc = Date.UTC(
    value('year'),
    value('month') - 1,
    value('day'),
    value('hour'),
    value('minute'),
    value('second'),
  );
  return Math.round((asUtc - Math.floor(at.getTime() / 1000) * 1000) / 60_000);
}

/** The calendar date (YYYY-MM-DD) of an instant in a time zone. */
export function zonedDate(timeZone: string, at: Date): string {
  return perSecond('date', timeZone, at, () => formatter('en-CA', DATE, timeZone).format(at));
}

/** The UTC instants where a calendar day in a time zone starts and ends. */
export function zonedDayBounds(date: string, timeZone: string): { start: Date; end: Date } {
  const midnightUtc = Date.parse(`${date}T00:00:00Z`);
  const offset = zoneOffsetMinutes(timeZone, new Date(midnightUtc + 12 * 3_600_000));
  const start = new Date(midnightUtc - offset * 60_000);
  return { start, end: new Date(start.getTime() + 24 * 3_600_000) };
}
