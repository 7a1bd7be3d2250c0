// The week being built, as plain data: slots on wall-time days, and the pure edits the grid makes (place,
// move, delete, repeat a day). `toWeekBody` writes the PUT body; `problemsBySlot` maps the API's
// `body.slots.N.field` details back onto the slots the operator sees.
import type { LocalizedText } from '../../shared/i18n/i18n.ts';
import type { DraftSlot, SlotWeekBody } from '../api/schedule-types.ts';
import { fromWallTime, toWallTime } from './wall-time.ts';

export type BuilderSlot = {
  key: string;
  date: string;
  start: number;
  end: number;
  lessonId: string;
  title: LocalizedText;
  playable: boolean;
};
export type PlacedLesson = { id: string; title: LocalizedText; durationSeconds: number; playable: boolean };

let nextKey = 0;
const newKey = () => `slot-${++nextKey}`;
const DAY_MINUTES = 24 * 60;

/** A lesson's slot length: its duration rounded up to whole minutes, at least 5. */
export function slotMinutes(durationSeconds: number): number {
  return Math.max(5, Math.ceil(durationSeconds / 60));
}

export function fromDraftSlots(slots: readonly DraftSlot[], timeZone: string): BuilderSlot[] {
  return slots.map((slot) => {
    const start = toWallTime(slot.start, timeZone);
    const end = toWallTime(slot.end, timeZone);
    return {
      key: newKey(),
      date: start.date,
      start: start.minutes,
      end: end.date === start.date ? end.minutes : DAY_MINUTES,
      lessonId: slot.lessonId,
      title: slot.lesson?.title ?? { zh: slot.lessonId },
      playable: slot.lesson?.playable ?? true,
    };
  });
}

export function placeLesson(
  slots: readonly BuilderSlot[],
  date: string,
  start: number,
  lesson: PlacedLesson,
): BuilderSlot[] {
  const end = Math.min(start + slotMinutes(lesson.durationSeconds), DAY_MINUTES);
  const slot = {
    key: newKey(),
    date,
    start,
    end,
    lessonId: lesson.id,
    title: lesson.title,
    playable: lesson.playable,
  };
  return sortSlots([...slots, slot]);
}

export function moveSlot(
  slots: readonly BuilderSlot[],
  key: string,
  date: string,
  start: number,
): BuilderSlot[] {
  return sortSlots(
    slots.map((slot) => {
      if (slot.key !== key) return slot;
      const length = slot.end - slot.start;
      const clamped = Math.max(0, Math.min(start, DAY_MINUTES - length));
      return { ...slot, date, start: clamped, end: clamped + length };
    }),
  );
}

export function deleteSlot(slots: readonly BuilderSlot[], key: string): BuilderSlot[] {
  return slots.filter((slot) => slot.key !== key);
}

/** Copies one day's slots onto other days of the week, replacing what those days had. */
export function repeatDay(
  slots: readonly BuilderSlot[],
  fromDate: string,
  toDates: readonly string[],
): BuilderSlot[] {
  const pattern = slots.filter((slot) => slot.date === fromDate);
  const targets = new Set(toDates.filter((date) => date !== fromDate));
  const kept = slots.filter((slot) => !targets.has(slot.date));
  const copies = [...targets].flatMap((date) => pattern.map((slot) => ({ ...slot, key: newKey(), date })));
  return sortSlots([...kept, ...copies]);
}

function sortSlots(slots: BuilderSlot[]): BuilderSlot[] {
  return slots.sort((a, b) => a.date.localeCompare(b.date) || a.start - b.start);
}

/** The PUT body for the week, and which builder slot each `body.slots.N` is. */
export function toWeekBody(
  slots: readonly BuilderSlot[],
  from: string,
  timeZone: string,
): { body: SlotWeekBody; keys: string[] } {
  const ordered = sortSlots([...slots]);
  return {
    body: {
      from,
      days: 7,
      slots: ordered.map((slot) => ({
        start: fromWallTime({ date: slot.date, minutes: slot.start }, timeZone),
        end: fromWallTime({ date: slot.date, minutes: slot.end }, timeZone),
        lessonId: slot.lessonId,
      })),
    },
    keys: ordered.map((slot) => slot.key),
  };
}

/** The API's problems per slot key (`body.slots.3.lessonId` → the fourth slot sent). */
export function problemsBySlot(
  details: readonly { path: string; message: string }[],
  keys: readonly string[],
): Map<string, string[]> {
  const problems = new Map<string, string[]>();
  for (const detail of details) {
    const index = /^body\.slots\.(\d+)/.exec(detail.path)?.[1];
    const key = index === undefined ? undefined : keys[Number(index)];
    if (key) problems.set(key, [...(problems.get(key) ?? []), detail.message]);
  }
  return problems;
}

/** Side-by-side lanes for slots that overlap on a day (so a refused overlap is seen, not hidden underneath). */
export function laneOf(slots: readonly BuilderSlot[]): Map<string, { lane: number; lanes: number }> {
  const placed = new Map<string, { lane: number; lanes: number }>();
  const days = new Map<string, BuilderSlot[]>();
  for (const slot of slots) days.set(slot.date, [...(days.get(slot.date) ?? []), slot]);
  for (const daySlots of days.values()) {
    const laneEnds: number[] = [];
    const lanes = [...daySlots]
      .sort((a, b) => a.start - b.start)
      .map((slot) => {
        let lane = laneEnds.findIndex((end) => end <= slot.start);
        if (lane === -1) lane = laneEnds.length;
        laneEnds[lane] = slot.end;
        return { key: slot.key, lane };
      });
    for (const { key, lane } of lanes) placed.set(key, { lane, lanes: laneEnds.length });
  }
  return placed;
}
