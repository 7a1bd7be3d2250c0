import type { ColumnMap } from './timetable-columns.ts';
import { columnLabel } from './timetable-columns.ts';
import { hasTitle, type LessonLookup, type LessonRef } from './lesson-lookup.ts';
import { formatTime, parseDateCell, parseTimeCell } from './parse-cells.ts';
import type { SheetCell, SheetRow } from './sheet-rows.ts';
import { problem, type TimetableColumn, type TimetableProblem } from './timetable-problem.ts';

/** One row read: a day, a start and an end in seconds of that day (in the channel's zone), and a lesson. */
export type ParsedSlot = {
  row: number;
  date: string;
  startSeconds: number;
  endSeconds: number;
  lessonId: string;
};

/** What a row is checked against: the lessons the channel may air and the names its channel column may use. */
export type RowContext = { columns: ColumnMap; lessons: LessonLookup; channelNames: readonly string[] };

const textOf = (cell: SheetCell | undefined): string =>
  cell instanceof Date ? cell.toISOString() : String(cell ?? '').trim();

const shown = (cell: SheetCell | undefined) => `"${textOf(cell)}"`;

/** The lesson a row names: by id when it has one, else by title among the channel's lessons. */
function readLesson(
  row: number,
  cell: (column: TimetableColumn) => SheetCell | undefined,
  context: RowContext,
) {
  const problems: TimetableProblem[] = [];
  const id = textOf(cell('lessonId'));
  const title = textOf(cell('title'));
  let lesson: LessonRef | undefined;
  if (id) {
    lesson = context.lessons.byId(id);
    if (!lesson)
      problems.push(
        problem(row, 'lessonId', 'unknown_lesson', `no lesson "${id}" among this channel's grade lessons`),
      );
    else if (title && !hasTitle(lesson, title)) {
      problems.push(
        problem(
          row,
          'title',
          'lesson_title_mismatch',
          `lesson "${id}" is titled "${lesson.title.zh}", not "${title}"`,
        ),
      );
    }
  } else if (title) {
    const found = context.lessons.byTitle(title);
    if (found.length === 1) lesson = found[0];
    else if (found.length === 0) {
      problems.push(
        problem(
          row,
          'title',
          'unknown_lesson',
          `no lesson titled "${title}" among this channel's grade lessons`,
        ),
      );
    } else {
      const ids = found.map((entry) => entry.id).join(', ');
      problems.push(
        problem(
          row,
          'title',
          'ambiguous_title',
          `${found.length} lessons are titled "${title}" (${ids}); give ${columnLabel('lessonId')}`,
        ),
      );
    }
  } else {
    const column = context.columns.lessonId !== undefined ? 'lessonId' : 'title';
    problems.push(
      problem(
        row,
        column,
        'missing_value',
        `no lesson: ${columnLabel('lessonId')} or ${columnLabel('title')} is empty`,
      ),
    );
  }
  return { lesson, problems };
}

/** The end a row gives, else the lesson's own length after the start (an end is then required if it has none). */
function readEnd(row: number, cell: SheetCell | undefined, start: number, lesson: LessonRef | undefined) {
  if (textOf(cell)) {
    const end = parseTimeCell(cell ?? null, true);
    if (end === undefined)
      return { problem: problem(row, 'end', 'bad_time', `${shown(cell)} is not a time like 08:40`) };
    if (end <= start) {
      return {
        problem: problem(
          row,
          'end',
          'end_before_start',
          `the end ${formatTime(end)} is not after the start ${formatTime(start)}`,
        ),
      };
    }
    return { end };
  }
  if (!lesson) return {};
  const end = start + Math.ceil(lesson.durationSeconds / 60) * 60;
  if (lesson.durationSeconds <= 0 || end > 24 * 3600) {
    return {
      problem: problem(
        row,
        'end',
        'end_required',
        `lesson "${lesson.id}" has no length that ends this day: give ${columnLabel('end')}`,
      ),
    };
  }
  return { end };
}

/** Reads one data row into a slot, or every problem it has (each by its column). */
export function readRow(
  sheetRow: SheetRow,
  context: RowContext,
): { slot?: ParsedSlot; problems: TimetableProblem[] } {
  const { row, cells } = sheetRow;
  const cell = (column: TimetableColumn) => {
    const index = context.columns[column];
    return index === undefined ? undefined : cells[index];
  };
  const problems: TimetableProblem[] = [];
  const date = parseDateCell(cell('date') ?? null);
  if (date === undefined) {
    problems.push(
      textOf(cell('date'))
        ? problem(row, 'date', 'bad_date', `${shown(cell('date'))} is not a date like 2026-09-01 or 2026/9/1`)
        : problem(row, 'date', 'missing_value', `${columnLabel('date')} is empty`),
    );
  }
  const start = parseTimeCell(cell('start') ?? null);
  if (start === undefined) {
    problems.push(
      textOf(cell('start'))
        ? problem(row, 'start', 'bad_time', `${shown(cell('start'))} is not a time like 08:00`)
        : problem(row, 'start', 'missing_value', `${columnLabel('start')} is empty`),
    );
  }
  const channel = textOf(cell('channel'));
  if (channel && !context.channelNames.includes(channel)) {
    problems.push(
      problem(
        row,
        'channel',
        'wrong_channel',
        `the row is for channel "${channel}", not ${context.channelNames.map((n) => `"${n}"`).join(' / ')}; import one channel at a time`,
      ),
    );
  }
  const { lesson, problems: lessonProblems } = readLesson(row, cell, context);
  problems.push(...lessonProblems);
  // Without a start, the end is still checked for being a time (-1: any time is after it).
  const ending = readEnd(row, cell('end'), start ?? -1, start === undefined ? undefined : lesson);
  if (ending.problem) problems.push(ending.problem);
  if (
    problems.length > 0 ||
    date === undefined ||
    start === undefined ||
    !lesson ||
    ending.end === undefined
  ) {
    return { problems };
  }
  return { slot: { row, date, startSeconds: start, endSeconds: ending.end, lessonId: lesson.id }, problems };
}
