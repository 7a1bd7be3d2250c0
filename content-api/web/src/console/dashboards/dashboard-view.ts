// The dashboards' view model: the query path of each tab (its CSV is the same path with `format=csv`: the API
// writes the file), the table columns and chart series. Pure: the page and its tests share it.
import type { LearningCell, LearningDashboard, QoeCell, QoeDashboard } from '@ketang/contract';

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

/** The API's CSV of exactly the answer a path reads: the same cells, suppressed ones marked. */
export const csvPath = (path: string): string => `${path}&format=csv`;

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
