// A channel's slots are instants (ISO with offset); the week builder works in the channel's wall time (its
// `timeZone`, e.g. Asia/Shanghai): a date and minutes after midnight. Intl does the zone arithmetic.

export type WallTime = { date: string; minutes: number };

const partsFormatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = partsFormatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      timeZoneName: 'longOffset',
    });
    partsFormatters.set(timeZone, formatter);
  }
  return formatter;
}

function partsOf(instant: Date, timeZone: string): Record<string, string> {
  return Object.fromEntries(
    formatterFor(timeZone)
      .formatToParts(instant)
      .map((p) => [p.type, p.value]),
  );
}

/** `+08:00` for the zone at that instant. */
function offsetAt(instant: Date, timeZone: string): string {
  const name = partsOf(instant, timeZone).timeZoneName ?? 'GMT';
  const match = /GMT([+-]\d{2}:\d{2})?/.exec(name);
  return match?.[1] ?? '+00:00';
}

export function toWallTime(iso: string, timeZone: string): WallTime {
  const parts = partsOf(new Date(iso), timeZone);
  return {
    date: `${parts.year}-${parts.month}-${parts.day}`,
    minutes: Number(parts.hour) * 60 + Number(parts.minute),
  };
}

export function formatMinutes(minutes: number): string {
  const hours = Math.floor(minutes / 60);
  return `${String(hours).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

/** The instant of a wall time in the zone, with the zone's offset written out (`2026-12-07T08:00:00+08:00`). */
export function fromWallTime(wall: WallTime, timeZone: string): string {
  const local = `${wall.date}T${formatMinutes(wall.minutes)}:00`;
  // The offset at the naive UTC reading is right except within hours of a DST change; re-check once.
  let offset = offsetAt(new Date(`${local}Z`), timeZone);
  offset = offsetAt(new Date(`${local}${offset}`), timeZone);
  return `${local}${offset}`;
}

/** The seven dates from `from` (YYYY-MM-DD). */
export function weekDates(from: string): string[] {
  const start = Date.parse(`${from}T00:00:00Z`);
  return Array.from({ length: 7 }, (_, day) => new Date(start + day * 86_400_000).toISOString().slice(0, 10));
}

/** The Monday on or before a date (weeks in China start on Monday). */
export function mondayOf(date: string): string {
  const day = new Date(`${date}T00:00:00Z`);
  const weekday = (day.getUTCDay() + 6) % 7;
  return new Date(day.getTime() - weekday * 86_400_000).toISOString().slice(0, 10);
}

/** ISO weekday 1 (Monday) … 7 (Sunday). */
export function isoWeekday(date: string): number {
  return ((new Date(`${date}T00:00:00Z`).getUTCDay() + 6) % 7) + 1;
}

/** Today in this browser's time zone, YYYY-MM-DD. */
export function localToday(now = new Date()): string {
  const month = String(now.getMonth() + 1).padStart(2, '0');
  return `${now.getFullYear()}-${month}-${String(now.getDate()).padStart(2, '0')}`;
}
