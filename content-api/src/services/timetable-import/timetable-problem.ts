import type { TimetableColumn, TimetableProblemCode } from '@ketang/contract';

export type { TimetableColumn, TimetableProblemCode };

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
