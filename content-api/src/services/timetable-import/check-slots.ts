import { formatTime } from './parse-cells.ts';
import type { ParsedSlot } from './read-row.ts';
import { problem, type TimetableProblem } from './timetable-problem.ts';

const DAY_MS = 24 * 3600 * 1000;

const span = (slot: ParsedSlot) => `${formatTime(slot.startSeconds)}–${formatTime(slot.endSeconds)}`;

/** The slots in air order: by day, then start, then row. */
export const byAirOrder = (a: ParsedSlot, b: ParsedSlot) =>
  a.date.localeCompare(b.date) || a.startSeconds - b.startSeconds || a.row - b.row;

/**
 * Checks the rows against each other: an overlap is an error naming both rows; a gap between two lessons of
 * a day is only a warning (the channel shows nothing then).
 */
export function checkSlotsTogether(slots: readonly ParsedSlot[]): {
  problems: TimetableProblem[];
  warnings: TimetableProblem[];
} {
  const problems: TimetableProblem[] = [];
  const warnings: TimetableProblem[] = [];
  const ordered = [...slots].sort(byAirOrder);
  let previous: ParsedSlot | undefined;
  for (const slot of ordered) {
    if (previous && previous.date === slot.date) {
      if (slot.startSeconds < previous.endSeconds) {
        problems.push(
          problem(
            slot.row,
            'start',
            'overlap',
            `row ${slot.row} (${slot.date} ${span(slot)}) overlaps row ${previous.row} (${span(previous)})`,
          ),
        );
      } else if (slot.startSeconds > previous.endSeconds) {
        warnings.push(
          problem(
            slot.row,
            'start',
            'gap',
            `nothing airs on ${slot.date} from ${formatTime(previous.endSeconds)} (row ${previous.row}) to ${formatTime(slot.startSeconds)} (row ${slot.row})`,
          ),
        );
      }
    }
    // The slot that ends last stays the one to compare with: a short slot inside a long one is still caught.
    if (!previous || previous.date !== slot.date || slot.endSeconds > previous.endSeconds) previous = slot;
  }
  return { problems, warnings };
}

/** The days a file covers, first to last: all of them are replaced, days without rows emptied. */
export function coveredDays(slots: readonly ParsedSlot[]): { from: string; days: number } {
  const dates = slots.map((slot) => slot.date).sort();
  const from = dates[0]!;
  const last = dates[dates.length - 1]!;
  return { from, days: Math.round((Date.parse(last) - Date.parse(from)) / DAY_MS) + 1 };
}
