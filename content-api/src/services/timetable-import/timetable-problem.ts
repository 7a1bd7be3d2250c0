/** The columns a timetable has, by the name the API reports them under (the console translates these). */
export type TimetableColumn = 'date' | 'start' | 'end' | 'lessonId' | 'title' | 'channel' | 'note';

/** Machine codes of what can be wrong with a file or a row; the console translates them. */
export type TimetableProblemCode =
  | 'file_too_large'
  | 'unreadable_file'
  | 'empty_file'
  | 'no_rows'
  | 'too_many_rows'
  | 'missing_column'
  | 'unknown_column'
  | 'duplicate_column'
  | 'missing_value'
  | 'bad_date'
  | 'bad_time'
  | 'end_before_start'
  | 'end_required'
  | 'unknown_lesson'
  | 'ambiguous_title'
  | 'lesson_title_mismatch'
  | 'wrong_channel'
  | 'overlap'
  | 'gap'
  | 'too_many_days'
  | 'rejected';

/**
 * One problem, where a person would look for it: `row` as a spreadsheet program numbers it (the header is 1,
 * 0 for the whole file), `column` by its API name (null for a whole row or the file). `path` repeats the place
 * in the API's usual error detail form (`rows.5.start`).
 */
export type TimetableProblem = {
  path: string;
  row: number;
  column: TimetableColumn | null;
  code: TimetableProblemCode;
  message: string;
};

export function problem(
  row: number,
  column: TimetableColumn | null,
  code: TimetableProblemCode,
  message: string,
): TimetableProblem {
  const path = row === 0 ? 'file' : column ? `rows.${row}.${column}` : `rows.${row}`;
  return { path, row, column, code, message };
}
