import type { ErrorDetail } from '../../errors.ts';
import { zonedDate, zonedDayBounds, zoneOffsetMinutes } from '../time-zone.ts';
import type { DraftDay } from '../../stores/draft.store.ts';
import type { ScheduledSlot } from './scope.ts';

const DAY_MS = 86_400_000;
/** How far a repeat may reach: a school year and a little. */
export const MAX_REPEAT_DAYS = 400;
/** Slots one write may plan, repeats included (a year of a slot every 5 minutes, day and night). */
export const MAX_PLANNED_SLOTS = 110_000;

export type SlotInput = { start: string; end?: string; lessonId: string };
export type SlotsChange = {
  from: string;
  days: number;
  slots: readonly SlotInput[];
  repeat?: { weekdays: readonly number[]; until: string };
};
/** One problem of a timetable write; `index` is the slot's position in the input (a spreadsheet's row). */
export type SlotProblem = ErrorDetail & { index?: number };

type Placed = { index: number; start: number; end: number; lessonId: string };

/** Adds whole days to a YYYY-MM-DD date. */
export const addDays = (date: string, days: number): string =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
const isoWeekday = (date: string) => ((new Date(`${date}T00:00:00Z`).getUTCDay() + 6) % 7) + 1;
const clock = (at: number, timeZone: string) => {
  const local = new Date(at + zoneOffsetMinutes(timeZone, new Date(at)) * 60_000);
  return local.toISOString().slice(11, 16);
};
/** A slot's id: its channel and start, unique because a channel's slots never overlap. */
export const slotIdOf = (channelId: string, start: number) =>
  `${channelId}.${new Date(start).toISOString().replace(/[-:]/g, '').slice(0, 13)}`;

/**
 * Checks a timetable write and, when every slot is valid, plans the days it replaces: the days [from,
 * from+days) in the channel's zone, then the repeated weekdays of the following weeks. Pure: the lessons'
 * durations and the slots kept just before the range come in; nothing is read or written here.
 */
export function planDraftSlots(input: {
  change: SlotsChange;
  channelId: string;
  timeZone: string;
  durationOf: (lessonId: string) => number | undefined;
  /** Slots of the day before `from`, kept: one may run on past midnight into the range. */
  keptBefore: readonly ScheduledSlot[];
}): { days: DraftDay[] } | { problems: SlotProblem[] } {
  const { change, timeZone } = input;
  const rangeStart = zonedDayBounds(change.from, timeZone).start.getTime();
  const rangeEnd = zonedDayBounds(addDays(change.from, change.days - 1), timeZone).end.getTime();
  const problems: SlotProblem[] = [];
  const placed: Placed[] = [];
  change.slots.forEach((slot, index) => {
    const at = (field: string, message: string) =>
      problems.push({ path: `body.slots.${index}.${field}`, message, index });
    const duration = input.durationOf(slot.lessonId);
    if (duration === undefined) return at('lessonId', `unknown lesson "${slot.lessonId}"`);
    const start = Date.parse(slot.start);
    const end = slot.end ? Date.parse(slot.end) : start + duration * 1000;
    if (!slot.end && duration <= 0) return at('end', 'the lesson has no duration: give the slot an end');
    if (end <= start) return at('end', 'a slot must end after it starts');
    if (start < rangeStart || end > rangeEnd) {
      const range = `${change.from} – ${addDays(change.from, change.days - 1)} (${timeZone})`;
      return at('start', `outside the days written: ${range}`);
    }
    placed.push({ index, start, end, lessonId: slot.lessonId });
  });
  problems.push(...overlaps(placed, input.keptBefore, rangeStart, timeZone));
  if (change.repeat) problems.push(...repeatProblems(change));
  if (problems.length > 0) return { problems: problems.sort((a, b) => (a.index ?? -1) - (b.index ?? -1)) };
  const days = planDays(input.channelId, change, placed, timeZone);
  const planned = days.reduce((sum, day) => sum + day.slots.length, 0);
  if (planned > MAX_PLANNED_SLOTS) {
    const message = `the repeat would write ${planned} slots; at most ${MAX_PLANNED_SLOTS} a write`;
    return { problems: [{ path: 'body.repeat.until', message }] };
  }
  return { days };
}

function overlaps(placed: Placed[], keptBefore: readonly ScheduledSlot[], rangeStart: number, zone: string) {
  const problems: SlotProblem[] = [];
  const sorted = [...placed].sort((a, b) => a.start - b.start || a.index - b.index);
  const span = (start: number, end: number) => `${clock(start, zone)}–${clock(end, zone)}`;
  const runningOver = keptBefore.filter((slot) => Date.parse(slot.end) > rangeStart);
  for (const [position, slot] of sorted.entries()) {
    const previous = sorted[position - 1];
    const kept = runningOver.find((other) => Date.parse(other.end) > slot.start);
    const message =
      previous && previous.end > slot.start
        ? `overlaps slots.${previous.index} (${span(previous.start, previous.end)})`
        : kept
          ? `overlaps the slot kept the day before (${span(Date.parse(kept.start), Date.parse(kept.end))})`
          : undefined;
    if (message) problems.push({ path: `body.slots.${slot.index}.start`, message, index: slot.index });
  }
  return problems;
}

function repeatProblems(change: SlotsChange): SlotProblem[] {
  const until = change.repeat?.until ?? change.from;
  const problems: SlotProblem[] = [];
  if (until < change.from)
    problems.push({ path: 'body.repeat.until', message: `must not be before from (${change.from})` });
  if (until > addDays(change.from, MAX_REPEAT_DAYS))
    problems.push({ path: 'body.repeat.until', message: `at most ${MAX_REPEAT_DAYS} days after from` });
  return problems;
}

/** The written days, then each repeated weekday's copies until `until` (whole days replaced, empty ones too). */
function planDays(channelId: string, change: SlotsChange, placed: Placed[], zone: string): DraftDay[] {
  const byDate = new Map<string, ScheduledSlot[]>();
  for (let day = 0; day < change.days; day += 1) byDate.set(addDays(change.from, day), []);
  for (const slot of [...placed].sort((a, b) => a.start - b.start)) {
    byDate
      .get(zonedDate(zone, new Date(slot.start)))
      ?.push(toSlot(channelId, slot.start, slot.end, slot.lessonId));
  }
  const days: DraftDay[] = [...byDate].map(([date, slots]) => ({ channelId, date, slots }));
  if (!change.repeat) return days;
  const weekdays = new Set(change.repeat.weekdays);
  const written = new Set(byDate.keys());
  for (const source of days.filter((day) => weekdays.has(isoWeekday(day.date)))) {
    for (let week = 1; addDays(source.date, 7 * week) <= change.repeat.until; week += 1) {
      const date = addDays(source.date, 7 * week);
      if (written.has(date)) continue;
      written.add(date);
      days.push({
        channelId,
        date,
        slots: source.slots.map((slot) => shiftSlot(channelId, slot, source.date, date, zone)),
      });
    }
  }
  return days;
}

/** The same wall-clock times on another day of the zone (so a daylight-saving change keeps 08:00 at 08:00). */
function shiftSlot(
  channelId: string,
  slot: ScheduledSlot,
  from: string,
  to: string,
  zone: string,
): ScheduledSlot {
  const fromMidnight = zonedDayBounds(from, zone).start.getTime();
  const toMidnight = zonedDayBounds(to, zone).start.getTime();
  const start = toMidnight + (Date.parse(slot.start) - fromMidnight);
  const end = start + (Date.parse(slot.end) - Date.parse(slot.start));
  return toSlot(channelId, start, end, slot.lessonId);
}

const toSlot = (channelId: string, start: number, end: number, lessonId: string): ScheduledSlot => ({
  id: slotIdOf(channelId, start),
  lessonId,
  start: new Date(start).toISOString(),
  end: new Date(end).toISOString(),
});
