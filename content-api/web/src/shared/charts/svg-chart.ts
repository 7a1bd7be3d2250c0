// An ECharts chart drawn as SVG into a container for the life of a Solid component: it follows the container's
// size and is disposed with the component. The caller registers the chart types it uses (`echarts.use`) and
// sets its options in an effect.
import * as echarts from 'echarts/core';
import { onCleanup, onMount } from 'solid-js';

/** Call in a component body; the getter answers the chart once mounted (undefined before). */
export function createSvgChart(container: () => HTMLElement): () => echarts.ECharts | undefined {
  let chart: echarts.ECharts | undefined;
  onMount(() => {
    chart = echarts.init(container(), undefined, { renderer: 'svg' });
    const resize = new ResizeObserver(() => chart?.resize());
    resize.observe(container());
    onCleanup(() => {
      resize.disconnect();
      chart?.dispose();
    });
  });
  return () => chart;
}
