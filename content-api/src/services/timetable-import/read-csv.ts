import { CsvError, parse } from 'csv-parse/sync';
import { decodeCsvText } from './decode-text.ts';
import type { SheetRows } from './sheet-rows.ts';
import { problem, type TimetableProblem } from './timetable-problem.ts';

type CsvRecord = { record: string[]; info: { lines: number } };

/**
 * A CSV file's non-blank rows (comma-separated, RFC 4180 quoting), at most `maxRows` of them (the header
 * included). A row is numbered by its line in the file, as a spreadsheet program opening it shows it.
 */
export function readCsvRows(bytes: Uint8Array, maxRows: number): SheetRows | TimetableProblem {
  const { text } = decodeCsvText(bytes);
  let records: CsvRecord[];
  try {
    records = parse(text, {
      relax_column_count: true,
      trim: true,
      info: true,
      skip_empty_lines: true,
      skip_records_with_empty_values: true,
      // One past the limit tells that there were more, without reading the rest.
      to: maxRows + 1,
    }) as unknown as CsvRecord[];
  } catch (error) {
    if (!(error instanceof CsvError)) throw error;
    const line = (error as CsvError & { lines?: number }).lines ?? 0;
    return problem(
      line,
      null,
      'unreadable_file',
      `the CSV cannot be read near line ${line}: ${error.message}`,
    );
  }
  return {
    rows: records.slice(0, maxRows).map(({ record, info }) => ({ row: info.lines, cells: record })),
    isTruncated: records.length > maxRows,
  };
}
