// Bedtime windows ('HH:MM' in the household's time zone, possibly across midnight) and the presets the TV
// offers. Pure, so the box can tell bedtime from its own clock when the network is gone.
import type { Controls } from '../api/family-types.ts';

export type Bedtime = NonNullable<Controls['bedtime']>;

function minutesOf(clock: string): number {
  const [hours, minutes] = clock.split(':').map(Number);
  return (hours ?? 0) * 60 + (minutes ?? 0);
}

/** True when `clock` ('HH:MM') falls in [start, end), the window wrapping past midnight when end ≤ start. */
export function isInsideWindow(clock: string, window: Bedtime): boolean {
  const now = minutesOf(clock);
  const start = minutesOf(window.start);
  const end = minutesOf(window.end);
  if (start === end) return false;
  return start < end ? now >= start && now < end : now >= start || now < end;
}

/** The wall-clock 'HH:MM' of an instant in a time zone. */
export function localClockTime(epochMs: number, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(new Date(epochMs));
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '00';
  return `${part('hour')}:${part('minute')}`;
}
