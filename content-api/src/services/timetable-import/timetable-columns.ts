import type { SheetCell } from './sheet-rows.ts';
import { problem, type TimetableColumn, type TimetableProblem } from './timetable-problem.ts';

/** The headers a bureau's sheet may use for each column, Chinese first; compared without case or spaces. */
export const COLUMN_HEADERS: Record<TimetableColumn, readonly string[]> = {
  date: ['日期', 'date'],
  start: ['开始时间', '开始', 'start', 'starttime'],
  end: ['结束时间', '结束', 'end', 'endtime'],
  lessonId: ['课程编号', '课程id', 'lessonid'],
  title: ['课程名称', '课程', 'title', 'lessontitle'],
  channel: ['频道', 'channel', 'channelid'],
  note: ['备注', 'note', 'notes'],
};

/** The header a template and the messages use for each column: `日期/date`. */
export const columnLabel = (column: TimetableColumn): string => `${COLUMN_HEADERS[column][0]}/${column}`;

export const EXPECTED_COLUMNS =
  `${columnLabel('date')}, ${columnLabel('start')}, optional ${columnLabel('end')}, ` +
  `${columnLabel('lessonId')} or ${columnLabel('title')}, optional ${columnLabel('channel')} and ${columnLabel('note')}`;

const normalize = (header: string) => header.replace(/[\s_\-（）()]/g, '').toLowerCase();

const BY_HEADER = new Map<string, TimetableColumn>(
  Object.entries(COLUMN_HEADERS).flatMap(([column, headers]) =>
    headers.map((header) => [normalize(header), column as TimetableColumn] as const),
  ),
);

/** Where each column is in the sheet (0-based), by its API name. */
export type ColumnMap = Partial<Record<TimetableColumn, number>>;

/**
 * Reads the header row: every unknown, repeated or missing column is a problem, each naming what the
 * file has and what is expected.
 */
export function mapColumns(
  headerRow: number,
  cells: readonly SheetCell[],
): { columns: ColumnMap; problems: TimetableProblem[] } {
  const columns: ColumnMap = {};
  const problems: TimetableProblem[] = [];
  const found = cells.map((cell) => String(cell ?? '').trim());
  const foundList = found.filter(Boolean).join(', ') || 'nothing';
  found.forEach((header, index) => {
    if (!header) return;
    const column = BY_HEADER.get(normalize(header));
    if (!column) {
      problems.push(
        problem(
          headerRow,
          null,
          'unknown_column',
          `unknown column "${header}"; expected ${EXPECTED_COLUMNS}`,
        ),
      );
    } else if (columns[column] !== undefined) {
      problems.push(
        problem(headerRow, column, 'duplicate_column', `the column ${columnLabel(column)} appears twice`),
      );
    } else {
      columns[column] = index;
    }
  });
  const missing = (column: TimetableColumn, name: string) =>
    problems.push(
      problem(
        headerRow,
        column,
        'missing_column',
        `no ${name} column; found ${foundList}; expected ${EXPECTED_COLUMNS}`,
      ),
    );
  if (columns.date === undefined) missing('date', columnLabel('date'));
  if (columns.start === undefined) missing('start', columnLabel('start'));
  if (columns.lessonId === undefined && columns.title === undefined) {
    missing('lessonId', `${columnLabel('lessonId')} or ${columnLabel('title')}`);
  }
  return { columns, problems };
}
