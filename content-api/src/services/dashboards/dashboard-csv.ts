import { stringify } from 'csv-stringify/sync';
import type {
  CountyDashboard,
  LearningCell,
  LearningDashboard,
  QoeCell,
  QoeDashboard,
} from '@ketang/contract';

/** The marker a suppressed cell carries in the export (its figures are blank). */
export const SUPPRESSED_MARKER = 'suppressed: fewer than 10 households';

const QOE_COLUMNS = [
  'sessions',
  'ttffP50Ms',
  'ttffP95Ms',
  'stallRatio',
  'averageBitrate',
  'errorSessions',
  'errors',
] as const;
const LEARNING_COLUMNS = ['views', 'completions', 'completionRate', 'minutes'] as const;

const errorsText = (errors: QoeCell['errors']) =>
  errors
    ? Object.entries(errors)
        .map(([code, count]) => `${code}:${count}`)
        .join(';')
    : '';

function rowOf(cell: QoeCell | LearningCell, columns: readonly string[]): string[] {
  const values = cell as unknown as Record<string, unknown>;
  const figures = columns.map((column) => {
    const value = values[column];
    if (value === null || value === undefined) return '';
    return column === 'errors' ? errorsText(value as QoeCell['errors']) : String(value);
  });
  return [cell.key, cell.suppressed ? SUPPRESSED_MARKER : '', ...figures];
}

function table(
  answer: QoeDashboard | LearningDashboard,
  columns: readonly string[],
  prefix: string[] = [],
): string[][] {
  return [...answer.cells, answer.total].map((cell) => [...prefix, ...rowOf(cell, columns)]);
}

/** Exactly the cells of the JSON answer, the total last; suppressed cells blank with the marker. */
export function qoeCsv(answer: QoeDashboard): string {
  return stringify([[answer.groupBy, 'suppressed', ...QOE_COLUMNS], ...table(answer, QOE_COLUMNS)]);
}

export function learningCsv(answer: LearningDashboard): string {
  return stringify([[answer.groupBy, 'suppressed', ...LEARNING_COLUMNS], ...table(answer, LEARNING_COLUMNS)]);
}

/** The county's charts one after the other, a first column naming the chart. */
export function countyCsv(answer: CountyDashboard): string {
  const charts = [answer.byDay, answer.bySubject, answer.byGrade];
  return stringify([
    ['chart', 'key', 'suppressed', ...LEARNING_COLUMNS],
    ...charts.flatMap((chart) => table(chart, LEARNING_COLUMNS, [`by ${chart.groupBy}`])),
  ]);
}
