// A packaging job's quality report: average bitrate against SSIM and PSNR, one line per codec family, each
// point a rung (labelled with its height). ECharts tree-shaken to what it draws, as SVG.
import { LineChart } from 'echarts/charts';
import { AriaComponent, GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { createEffect, For } from 'solid-js';
import { createSvgChart } from '../../shared/charts/svg-chart.ts';
import { t } from '../../shared/i18n/i18n.ts';
import { SERIES_COLORS } from '../../shared/theme/chart-palette.ts';
import { qualitySeries, type QualityMetric, type RungQuality } from './quality-chart-model.ts';

echarts.use([LineChart, GridComponent, LegendComponent, TooltipComponent, AriaComponent, SVGRenderer]);

const FONT = 'system-ui, -apple-system, "PingFang SC", "Noto Sans CJK SC", sans-serif';
const FAMILY_NAMES: Record<string, string> = { h264: 'H.264', hevc: 'HEVC', av1: 'AV1' };

function chartOption(rungs: readonly RungQuality[], metric: QualityMetric): echarts.EChartsCoreOption {
  const title = t(`console.packaging.quality.${metric}`);
  const digits = metric === 'ssim' ? 4 : 1;
  return {
    animation: false,
    color: [...SERIES_COLORS],
    textStyle: { fontFamily: FONT, fontSize: 13, color: '#33302b' },
    aria: {
      enabled: true,
      label: { general: { withoutTitle: t('console.packaging.quality.aria', { title }) } },
    },
    tooltip: {
      trigger: 'item',
      formatter: (item: { seriesName: string; value: [number, number, number] }) =>
        `${item.seriesName} ${item.value[2]}p · ${item.value[0]} kbps · ${title} ${item.value[1].toFixed(digits)}`,
    },
    legend: { bottom: 0, selectedMode: false },
    grid: { left: 8, right: 24, top: 24, bottom: 56, containLabel: true },
    xAxis: {
      type: 'value',
      name: t('console.packaging.quality.kbps'),
      nameLocation: 'middle',
      nameGap: 28,
      scale: true,
    },
    yAxis: { type: 'value', name: title, scale: true, splitNumber: 4 },
    series: qualitySeries(rungs, metric).map((series) => ({
      type: 'line',
      name: FAMILY_NAMES[series.family] ?? series.family,
      data: series.points.map((point) => [point.kbps, point.value, point.height]),
      symbolSize: 8,
      label: { show: true, position: 'top', formatter: (item: { value: number[] }) => `${item.value[2]}p` },
      emphasis: { disabled: true },
    })),
  };
}

function MetricChart(props: { rungs: readonly RungQuality[]; metric: QualityMetric }) {
  let container!: HTMLDivElement;
  const chart = createSvgChart(() => container);
  createEffect(() => chart()?.setOption(chartOption(props.rungs, props.metric), { notMerge: true }));
  return (
    <figure class="quality-chart">
      <figcaption>{t(`console.packaging.quality.${props.metric}`)}</figcaption>
      <div ref={container} class="quality-chart-canvas" data-testid={`quality-chart-${props.metric}`} />
    </figure>
  );
}

export default function QualityChart(props: { rungs: readonly RungQuality[] }) {
  return (
    <div class="quality-charts">
      <For each={['ssim', 'psnr'] as const}>
        {(metric) => <MetricChart rungs={props.rungs} metric={metric} />}
      </For>
    </div>
  );
}
