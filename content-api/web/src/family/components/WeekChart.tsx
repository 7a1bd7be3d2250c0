// The week's minutes per subject per day as a stacked bar chart: ECharts, tree-shaken to the bar chart, its
// grid, legend and aria description, drawn as SVG (crisp on phone screens, and its text is real text).
import { BarChart } from 'echarts/charts';
import { AriaComponent, GridComponent, LegendComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { createEffect } from 'solid-js';
import { createSvgChart } from '../../shared/charts/svg-chart.ts';
import { t } from '../../shared/i18n/i18n.ts';
import type { WeekChartModel } from '../view/week-chart-model.ts';

echarts.use([BarChart, GridComponent, LegendComponent, AriaComponent, SVGRenderer]);

const FONT = 'system-ui, -apple-system, "PingFang SC", "Noto Sans CJK SC", sans-serif';

/** Legend rows under the bars: about three subjects fit a phone's width. */
export const legendRowsOf = (model: WeekChartModel) => Math.max(1, Math.ceil(model.series.length / 3));
const BARS_HEIGHT = 220;
const LEGEND_ROW = 28;

function chartOption(model: WeekChartModel, title: string): echarts.EChartsCoreOption {
  return {
    animation: false,
    textStyle: { fontFamily: FONT, fontSize: 14, color: '#33302b' },
    // ECharts describes its own data in the container's aria-label (the same numbers it draws).
    aria: {
      enabled: true,
      label: {
        general: { withTitle: '', withoutTitle: t('family.chart.aria.title', { title }) },
        series: {
          maxCount: 20,
          single: { prefix: '', withName: t('family.chart.aria.series'), withoutName: '' },
          multiple: {
            prefix: '',
            withName: t('family.chart.aria.series'),
            withoutName: '',
            separator: { middle: '', end: '' },
          },
        },
        data: {
          maxCount: 7,
          allData: '',
          partialData: '',
          withName: t('family.chart.aria.data'),
          withoutName: '{value}',
          // Values are [day, minutes, stack top, stacked over]: the day is the name; say only the minutes.
          excludeDimensionId: [0, 2, 3],
          separator: {
            middle: t('family.chart.aria.separatorMiddle'),
            end: t('family.chart.aria.separatorEnd'),
          },
        },
      },
    },
    grid: { left: 8, right: 8, top: 16, bottom: legendRowsOf(model) * LEGEND_ROW + 8, containLabel: true },
    legend: {
      bottom: 0,
      itemWidth: 14,
      itemHeight: 14,
      itemGap: 16,
      textStyle: { fontSize: 14 },
      selectedMode: false,
    },
    xAxis: {
      type: 'category',
      data: model.dayLabels,
      axisTick: { show: false },
      axisLabel: { fontSize: 14, interval: 0 },
    },
    yAxis: { type: 'value', minInterval: 5, axisLabel: { fontSize: 13 }, splitNumber: 4 },
    series: model.series.map((series) => ({
      type: 'bar',
      name: series.name,
      stack: 'minutes',
      data: series.minutes,
      itemStyle: { color: series.color },
      barMaxWidth: 28,
      emphasis: { disabled: true },
    })),
  };
}

type Props = { model: WeekChartModel; title: string };

export default function WeekChart(props: Props) {
  let container!: HTMLDivElement;
  const chart = createSvgChart(() => container);

  createEffect(() => {
    // Legend rows grow with the subjects; the bars keep their height.
    container.style.height = `${BARS_HEIGHT + legendRowsOf(props.model) * LEGEND_ROW}px`;
    chart()?.resize();
    chart()?.setOption(chartOption(props.model, props.title), { notMerge: true });
  });

  return <div ref={container} class="week-chart" data-testid="week-chart" />;
}
