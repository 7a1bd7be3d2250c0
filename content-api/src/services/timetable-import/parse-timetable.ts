import { byAirOrder, checkSlotsTogether, coveredDays } from './check-slots.ts';
import type { LessonLookup } from './lesson-lookup.ts';
import { readCsvRows } from './read-csv.ts';
import { readRow, type ParsedSlot } from './read-row.ts';
import { readXlsxRows } from './read-xlsx.ts';
import type { SheetRows } from './sheet-rows.ts';
import { mapColumns } from './timetable-columns.ts';
import { TIMETABLE_LIMITS } from './timetable-limits.ts';
import { problem, type TimetableProblem } from './timetable-problem.ts';

export type TimetableFormat = 'csv' | 'xlsx';

/** What a file is read against: the channel's lessons, the names its rows may give it, and the day limit. */
export type TimetableContext = {
  lessons: LessonLookup;
  channelNames: readonly string[];
  maxDays: number;
  maxRows?: number;
};

export type ParsedTimetable =
  | { isValid: true; from: string; days: number; slots: ParsedSlot[]; warnings: TimetableProblem[] }
  | { isValid: false; problems: TimetableProblem[]; warnings: TimetableProblem[] };

const invalid = (problems: TimetableProblem[], warnings: TimetableProblem[] = []): ParsedTimetable => ({
  isValid: false,
  problems,
  warnings,
});

/** The rows of a sheet read into slots, with every problem of every row and between rows at once. */
export function parseSheetRows(
  sheet: SheetRows,
  context: TimetableContext,
  maxRows: number,
): ParsedTimetable {
  if (sheet.isTruncated) {
    return invalid([
      problem(0, null, 'too_many_rows', `the file has more than ${maxRows - 1} rows; split it`),
    ]);
  }
  const [header, ...rows] = sheet.rows;
  if (!header)
    return invalid([problem(0, null, 'empty_file', 'the file is empty: no header row and no rows')]);
  const { columns, problems } = mapColumns(header.row, header.cells);
  if (problems.some((entry) => entry.code === 'missing_column')) return invalid(problems);
  if (rows.length === 0) {
    return invalid([
      ...problems,
      problem(0, null, 'no_rows', 'the file has a header row but no timetable rows'),
    ]);
  }
  const slots: ParsedSlot[] = [];
  for (const row of rows) {
    const read = readRow(row, { columns, lessons: context.lessons, channelNames: context.channelNames });
    problems.push(...read.problems);
    if (read.slot) slots.push(read.slot);
  }
  const together = checkSlotsTogether(slots);
  problems.push(...together.problems);
  if (slots.length > 0) {
    const { days } = coveredDays(slots);
    if (days > context.maxDays) {
      problems.push(
        problem(
          0,
          'date',
          'too_many_days',
          `the rows span ${days} days, more than ${context.maxDays}; split the file`,
        ),
      );
    }
  }
  if (problems.length > 0)
    return invalid(
      problems.sort((a, b) => a.row - b.row),
      together.warnings,
    );
  return { isValid: true, ...coveredDays(slots), slots: slots.sort(byAirOrder), warnings: together.warnings };
}

/** Reads a CSV or .xlsx timetable for one channel: the slots it lays out, or every problem it has. */
export async function parseTimetable(
  bytes: Buffer,
  format: TimetableFormat,
  context: TimetableContext,
): Promise<ParsedTimetable> {
  // The header row counts too.
  const maxRows = (context.maxRows ?? TIMETABLE_LIMITS.maxRows) + 1;
  const sheet =
    format === 'csv'
      ? readCsvRows(bytes, maxRows)
      : await readXlsxRows(bytes, maxRows, {
          maxUnzippedBytes: TIMETABLE_LIMITS.maxUnzippedBytes,
          maxEntries: TIMETABLE_LIMITS.maxZipEntries,
        });
  if ('code' in sheet) return invalid([sheet]);
  return parseSheetRows(sheet, context, maxRows);
}
