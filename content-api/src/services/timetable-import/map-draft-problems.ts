import { AppError } from '../../errors.ts';
import type { ParsedSlot } from './read-row.ts';
import { problem, type TimetableColumn, type TimetableProblem } from './timetable-problem.ts';

const SLOT_PATH = /(?:^|\.)slots\.(\d+)(?:\.(start|end|lessonId))?/;

/**
 * The draft's own refusal of the slots (`replaceDraftSlots` validates too), told by the rows they came from:
 * a detail at `slots.3.lessonId` is the fourth slot in air order, so its row. Other refusals (403, 404 for
 * the channel) pass on as they are.
 */
export function toRowProblems(error: unknown, slots: readonly ParsedSlot[]): TimetableProblem[] | undefined {
  if (!(error instanceof AppError) || (error.status !== 400 && error.status !== 409)) return undefined;
  const details = error.details.length > 0 ? error.details : [{ path: '', message: error.message }];
  return details.map((detail) => {
    const match = SLOT_PATH.exec(detail.path);
    // The draft names the slot by its `index` in what it was given, and in the path.
    const index = (detail as { index?: unknown }).index;
    const slot = slots[typeof index === 'number' ? index : Number(match?.[1] ?? Number.NaN)];
    const column = (match?.[2] as TimetableColumn | undefined) ?? null;
    const code = (detail as { code?: unknown }).code;
    return problem(
      slot?.row ?? 0,
      column,
      'rejected',
      String(detail.message) + (typeof code === 'string' ? ` (${code})` : ''),
    );
  });
}
