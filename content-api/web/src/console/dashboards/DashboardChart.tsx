// One dashboard chart: bars or a line per metric over the cells' keys, ECharts tree-shaken to what it draws,
// as SVG with its aria description (as the family page's chart). A suppressed cell is a gap, never a zero.
import { BarChart, LineChart } from 'echarts/charts';
import { AriaComponent, GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { createEffect } from 'solid-js';
import { createSvgChart } from '../../shared/charts/svg-chart.ts';
import { SERIES_COLORS } from '../../shared/theme/chart-palette.ts';
import { dt } from './dashboards-i18n.ts';

echarts.use([
  BarChart,
  LineChart,
  GridComponent,
  LegendComponent,
  TooltipComponent,
  AriaComponent,
  SVGRenderer,
]);

const FONT = 'system-ui, -apple-system, "PingFang SC", "Noto Sans CJK SC", sans-serif';

export type ChartModel = {
  title: string;
  kind: 'bar' | 'line';
  categories: string[];
  series: { name: string; values: (number | null)[] }[];
  /** Values are ratios: the axis shows percentages. */
  isPercent?: boolean;
};

function chartOption(model: ChartModel): echarts.EChartsCoreOption {
  const format = (value: number) => (model.isPercent ? `${Math.round(value * 1000) / 10}%` : String(value));
  return {
    animation: false,
    color: [...SERIES_COLORS],
    textStyle: { fontFamily: FONT, fontSize: 13, color: '#33302b' },
    aria: { enabled: true, label: { general: { withoutTitle: dt('chart.aria', { title: model.title }) } } },
    tooltip: {
      trigger: 'axis',
      valueFormatter: (value: unknown) => (typeof value === 'number' ? format(value) : dt('suppressed')),
    },
    legend: { bottom: 0, show: model.series.length > 1, selectedMode: false },
    grid: { left: 8, right: 16, top: 16, bottom: model.series.length > 1 ? 36 : 8, containLabel: true },
    xAxis: { type: 'category', data: model.categories, axisTick: { show: false } },
    yAxis: { type: 'value', axisLabel: { formatter: format }, splitNumber: 4 },
    series: model.series.map((series) => ({
      type: model.kind,
      name: series.name,
      data: series.values,
      connectNulls: false,
      barMaxWidth: 28,
      emphasis: { disabled: true },
    })),
  };
}

export default function DashboardChart(props: { model: ChartModel }) {
  let container!: HTMLDivElement;
  const chart = createSvgChart(() => container);

  createEffect(() => {
    chart()?.setOption(chartOption(props.model), { notMerge: true });
  });

  return (
    <figure class="dashboard-chart">
      <figcaption>
        {props.model.title}
        {props.model.series.some((series) => series.values.includes(null)) ? ` ${dt('chart.gap')}` : ''}
      </figcaption>
      <div ref={container} class="dashboard-chart-canvas" data-testid="dashboard-chart" />
    </figure>
  );
}
