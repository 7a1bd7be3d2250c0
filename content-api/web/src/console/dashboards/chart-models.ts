// Which charts each tab draws, from its answer: a bureau head's few questions, each one chart.
import type { CountyDashboard, LearningDashboard, QoeDashboard } from '@ketang/contract';
import type { ChartModel } from './DashboardChart.tsx';
import { chartSeries, type AnyAnswer, type Metric } from './dashboard-view.ts';
import { dt, type DashboardMessageKey } from './dashboards-i18n.ts';
import type { KeyNamer } from './key-names.ts';

function chart(
  names: KeyNamer,
  answer: AnyAnswer,
  title: DashboardMessageKey,
  metrics: readonly Metric[],
  isPercent = false,
): ChartModel {
  const { categories, series } = chartSeries(answer.cells, metrics);
  return {
    title: dt(title),
    kind: answer.groupBy === 'day' ? 'line' : 'bar',
    categories: categories.map((key) => names(answer.groupBy, key)),
    series: series.map((one) => ({ name: dt(`metric.${one.metric}`), values: one.values })),
    isPercent,
  };
}

export const qoeCharts = (answer: QoeDashboard, names: KeyNamer): ChartModel[] => [
  chart(names, answer, 'chart.sessions', ['sessions']),
  chart(names, answer, 'chart.ttff', ['ttffP50Ms', 'ttffP95Ms']),
  chart(names, answer, 'chart.stall', ['stallRatio'], true),
];

export const learningCharts = (answer: LearningDashboard, names: KeyNamer): ChartModel[] => [
  chart(names, answer, 'chart.views', ['views', 'completions']),
  chart(names, answer, 'chart.minutes', ['minutes']),
  chart(names, answer, 'chart.completion', ['completionRate'], true),
];

export const countyCharts = (answer: CountyDashboard, names: KeyNamer): ChartModel[] => [
  chart(names, answer.byDay, 'county.minutesByDay', ['minutes']),
  chart(names, answer.byDay, 'county.viewsByDay', ['views']),
  chart(names, answer.bySubject, 'county.minutesBySubject', ['minutes']),
  chart(names, answer.byGrade, 'county.completionByGrade', ['completionRate'], true),
];
