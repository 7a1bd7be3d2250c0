import { zonedDayBounds } from '../time-zone.ts';
import type { ParsedSlot } from './read-row.ts';

/** A slot as the draft takes it (`replaceDraftSlots`): instants in UTC, and the lesson. */
export type DraftSlot = { start: string; end: string; lessonId: string };

/** The file's slots as instants: each row's day and times are in the channel's time zone. */
export function toDraftSlots(slots: readonly ParsedSlot[], timeZone: string): DraftSlot[] {
  return slots.map((slot) => {
    const midnight = zonedDayBounds(slot.date, timeZone).start.getTime();
    return {
      start: new Date(midnight + slot.startSeconds * 1000).toISOString(),
      end: new Date(midnight + slot.endSeconds * 1000).toISOString(),
      lessonId: slot.lessonId,
    };
  });
}
