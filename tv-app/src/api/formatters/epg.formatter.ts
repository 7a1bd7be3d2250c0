// A channel's timetable → EPG rows with what is on air now and next.
import { pickText } from '../../i18n/i18n.ts';
import { wrapCjk } from '../../i18n/wrap-cjk.ts';
import type { ChannelNow, Slot, Timetable } from '../types.ts';
import { formatTimeOfDay } from './time.formatter.ts';

export type EpgRow = {
  slotId: string;
  lessonId: string;
  time: string;
  title: string;
  isOnAir: boolean;
  isNext: boolean;
  isPast: boolean;
};

export function findOnAir(slots: Slot[], now: Date): { nowIndex: number; nextIndex: number } {
  const at = now.getTime();
  const nowIndex = slots.findIndex((slot) => Date.parse(slot.start) <= at && at < Date.parse(slot.end));
  const nextIndex = slots.findIndex((slot) => Date.parse(slot.start) > at);
  return { nowIndex, nextIndex };
}

export function epgRows(timetable: Timetable, now: Date): EpgRow[] {
  const { nowIndex, nextIndex } = findOnAir(timetable.slots, now);
  const zone = timetable.channel.timeZone;
  return timetable.slots.map((slot, index) => ({
    slotId: slot.id,
    lessonId: slot.lesson.id,
    time: `${formatTimeOfDay(slot.start, zone)}–${formatTimeOfDay(slot.end, zone)}`,
    title: wrapCjk(pickText(slot.title)),
    isOnAir: index === nowIndex,
    isNext: index === nextIndex,
    isPast: Date.parse(slot.end) <= now.getTime(),
  }));
}

/**
 * The rows a screen of `size` shows: from the one before the slot on air (a family opens the EPG for now, not
 * for midnight), moved up so the screen stays full near the end of the day; the first rows when nothing is on.
 */
export function epgWindow(rows: readonly EpgRow[], size: number): EpgRow[] {
  const onAir = rows.findIndex((row) => row.isOnAir);
  const upcoming = onAir >= 0 ? onAir : rows.findIndex((row) => row.isNext);
  const start = upcoming > 0 ? Math.min(upcoming - 1, Math.max(0, rows.length - size)) : 0;
  return rows.slice(start, start + size);
}

/**
 * Where to start the lesson on air: the API's `lessonPositionSeconds`, which the contract requires. The API
 * decides it (a short lesson repeats within its slot); the TV does not work it out again.
 */
export function tuneInSeconds(onAir: ChannelNow): number {
  return Math.max(0, onAir.lessonPositionSeconds);
}
