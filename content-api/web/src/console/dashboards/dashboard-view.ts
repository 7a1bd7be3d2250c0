// The dashboards' view model: the query path of each tab, the table columns, chart series and the CSV of
// exactly the cells shown. Pure: the page and its tests share it.
import type {
  CountyDashboard,
  LearningCell,
  LearningDashboard,
  QoeCell,
  QoeDashboard,
} from '@ketang/contract';

export type Tab = 'qoe' | 'learning' | 'county';
export type DashboardFilters = {
  from: string;
  to: string;
  region: string;
  carrier: string;
  model: string;
  county: string;
  qoeGroupBy: string;
  learningGroupBy: string;
};

export const QOE_GROUPS = ['day', 'region', 'carrier', 'model', 'codec'] as const;
export const LEARNING_GROUPS = ['day', 'region', 'county', 'stage', 'grade', 'subject'] as const;
export const QOE_METRICS = [
  'sessions',
  'ttffP50Ms',
  'ttffP95Ms',
  'stallRatio',
  'averageBitrate',
  'errorSessions',
  'errors',
] as const;
export const LEARNING_METRICS = ['views', 'completions', 'completionRate', 'minutes'] as const;
export type Metric = (typeof QOE_METRICS)[number] | (typeof LEARNING_METRICS)[number];
export type AnyCell = QoeCell | LearningCell;
export type AnyAnswer = QoeDashboard | LearningDashboard;

/** The same marker the API's `?format=csv` writes in a suppressed cell's row. */
export const CSV_SUPPRESSED_MARKER = 'suppressed: fewer than 10 households';
const DAY_MS = 86_400_000;

const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** The last 30 days up to today. */
export function defaultRange(now: Date): { from: string; to: string } {
  return { from: isoDay(now.getTime() - 29 * DAY_MS), to: isoDay(now.getTime()) };
}

/** The API path a tab reads; empty filters are left out. Null when the county tab lacks its county. */
export function dashboardPath(tab: Tab, filters: DashboardFilters): string | null {
  const query = new URLSearchParams({ from: filters.from, to: filters.to });
  const add = (name: string, value: string) => value.trim() && query.set(name, value.trim());
  if (tab === 'county') {
    if (!filters.region.trim() || !filters.county.trim()) return null;
    add('region', filters.region);
    add('county', filters.county);
  } else if (tab === 'qoe') {
    add('region', filters.region);
    add('carrier', filters.carrier);
    add('model', filters.model);
    query.set('groupBy', filters.qoeGroupBy);
  } else {
    add('region', filters.region);
    add('county', filters.county);
    query.set('groupBy', filters.learningGroupBy);
  }
  return `/v1/operator/dashboards/${tab}?${query.toString()}`;
}

const valueOf = (cell: AnyCell, metric: Metric): unknown => (cell as Record<string, unknown>)[metric];

/** A chart's categories (the cells' keys) and one series per metric; a suppressed cell is a gap (null). */
export function chartSeries(cells: readonly AnyCell[], metrics: readonly Metric[]) {
  return {
    categories: cells.map((cell) => cell.key),
    series: metrics.map((metric) => ({
      metric,
      values: cells.map((cell) => {
        const value = valueOf(cell, metric);
        return typeof value === 'number' ? value : null;
      }),
    })),
  };
}

const errorsText = (errors: unknown) =>
  errors && typeof errors === 'object'
    ? Object.entries(errors as Record<string, number>)
        .map(([code, count]) => `${code}:${count}`)
        .join(';')
    : '';

/** A figure as the table shows it (ratios as percentages, bitrate in kbps); '' when there is none. */
export function formatFigure(metric: Metric, value: unknown): string {
  if (value === null || value === undefined) return '';
  if (metric === 'errors') return errorsText(value).replaceAll(';', '; ');
  if (typeof value !== 'number') return String(value);
  if (metric === 'stallRatio' || metric === 'completionRate') return `${(value * 100).toFixed(1)}%`;
  if (metric === 'averageBitrate') return String(Math.round(value / 1000));
  return String(value);
}

const quote = (field: string) => (/[",\n\r]/.test(field) ? `"${field.replaceAll('"', '""')}"` : field);

/**
 * The CSV of the cells shown, total last — the same columns and values as the API's `?format=csv` of that
 * answer (the console's fetch helper answers JSON, so the file is made from the answer on screen).
 */
export function csvOf(answer: AnyAnswer, metrics: readonly Metric[], prefix: string[] = []): string[][] {
  return [...answer.cells, answer.total].map((cell: AnyCell) => [
    ...prefix,
    cell.key,
    cell.suppressed ? CSV_SUPPRESSED_MARKER : '',
    ...metrics.map((metric) => {
      const value = valueOf(cell, metric);
      if (value === null || value === undefined) return '';
      return metric === 'errors' ? errorsText(value) : String(value);
    }),
  ]);
}

/** The whole export of a tab's answer: a header, then its cells (the county's three charts one after another). */
export function exportRows(answer: AnyAnswer | CountyDashboard, metrics: readonly Metric[]): string[][] {
  if ('byDay' in answer) {
    const charts = [answer.byDay, answer.bySubject, answer.byGrade];
    return [
      ['chart', 'key', 'suppressed', ...metrics],
      ...charts.flatMap((chart) => csvOf(chart, metrics, [`by ${chart.groupBy}`])),
    ];
  }
  return [[answer.groupBy, 'suppressed', ...metrics], ...csvOf(answer, metrics)];
}

export function csvText(rows: readonly string[][]): string {
  return rows.map((row) => row.map(quote).join(',')).join('\n') + '\n';
}
