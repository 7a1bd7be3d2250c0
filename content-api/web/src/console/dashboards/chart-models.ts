// Which charts each tab draws, from its answer: a bureau head's few questions, each one chart.
import type { CountyDashboard, LearningDashboard, QoeDashboard } from '@ketang/contract';
import type { ChartModel } from './DashboardChart.tsx';
import { chartSeries, type AnyAnswer, type Metric } from './dashboard-view.ts';
import { dt, type DashboardMessageKey } from './dashboards-i18n.ts';

function chart(
  answer: AnyAnswer,
  title: DashboardMessageKey,
  metrics: readonly Metric[],
  isPercent = false,
): ChartModel {
  const { categories, series } = chartSeries(answer.cells, metrics);
  return {
    title: dt(title),
    kind: answer.groupBy === 'day' ? 'line' : 'bar',
    categories,
    series: series.map((one) => ({ name: dt(`metric.${one.metric}`), values: one.values })),
    isPercent,
  };
}

export const qoeCharts = (answer: QoeDashboard): ChartModel[] => [
  chart(answer, 'chart.sessions', ['sessions']),
  chart(answer, 'chart.ttff', ['ttffP50Ms', 'ttffP95Ms']),
  chart(answer, 'chart.stall', ['stallRatio'], true),
];

export const learningCharts = (answer: LearningDashboard): ChartModel[] => [
  chart(answer, 'chart.views', ['views', 'completions']),
  chart(answer, 'chart.minutes', ['minutes']),
  chart(answer, 'chart.completion', ['completionRate'], true),
];

export const countyCharts = (answer: CountyDashboard): ChartModel[] => [
  chart(answer.byDay, 'county.minutesByDay', ['minutes']),
  chart(answer.byDay, 'county.viewsByDay', ['views']),
  chart(answer.bySubject, 'county.minutesBySubject', ['minutes']),
  chart(answer.byGrade, 'county.completionByGrade', ['completionRate'], true),
];
