/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
// (page.evaluate callbacks run in the browser)
// What the parent's phone page shows, read from the rendered page: the chart's own text and description
// (ECharts writes its data into the container's aria-label), the drawn bars, the week's numbers.
import type { Page } from 'playwright-core';

export type RenderedChart = {
  /** The chart's own description (its container's aria-label). */
  description: string;
  /** Every text the SVG draws: axis labels, legend names. */
  texts: string[];
  /** Per series name, the minutes per day, as ECharts describes them (zh-CN: `数学：周一 20，…；`). */
  series: Record<string, number[]>;
  /** For each day with minutes, the drawn stack's height divided by its minutes (equal for a true chart). */
  stackHeightsPerMinute: number[];
};

export async function readChart(page: Page): Promise<RenderedChart> {
  const drawn = await page.evaluate(() => {
    const container = document.querySelector('[data-testid="week-chart"]')!;
    const described = container.querySelector('[aria-label]') ?? container;
    const svg = container.querySelector('svg')!;
    const texts = [...svg.querySelectorAll('text')].map((text) => text.textContent ?? '');
    return { aria: described.getAttribute('aria-label') ?? '', texts };
  });
  // `title。` then per series `name：day minutes，day minutes…；` (zh-CN) or `title.` `name: day minutes, …; ` (en).
  const series: Record<string, number[]> = {};
  const description = drawn.aria.slice(drawn.aria.search(/[。.]/) + 1);
  for (const part of description.split(/；|; /).filter((each) => each.trim())) {
    const [name, data] = part.split(/：|: /) as [string, string];
    series[name.trim()] = data.split(/，|, /).map((entry) => Number(entry.trim().split(' ').at(-1)));
  }
  return {
    description: drawn.aria,
    texts: drawn.texts,
    series,
    stackHeightsPerMinute: await stackRatios(page, series),
  };
}

/** Sums the drawn bars per day column (bars are the paths above the day labels) and divides by the minutes. */
async function stackRatios(page: Page, series: Record<string, number[]>): Promise<number[]> {
  const heights = await page.evaluate(() => {
    const svg = document.querySelector('[data-testid="week-chart"] svg')!;
    const labels = [...svg.querySelectorAll('text')].filter((text) =>
      /^(周.|Mon|Tue|Wed|Thu|Fri|Sat|Sun)$/.test(text.textContent ?? ''),
    );
    const axisTop = Math.min(...labels.map((label) => label.getBoundingClientRect().top));
    const columns = labels
      .map((label) => label.getBoundingClientRect())
      .sort((a, b) => a.left - b.left)
      .map((box) => ({ center: box.left + box.width / 2, height: 0 }));
    for (const path of svg.querySelectorAll('path')) {
      const box = path.getBoundingClientRect();
      const fill = path.getAttribute('fill') ?? '';
      if (!fill.startsWith('#') || box.bottom > axisTop || box.width < 2 || box.width > 40) continue;
      const center = box.left + box.width / 2;
      const column = columns.find((each) => Math.abs(each.center - center) < box.width);
      if (column) column.height += box.height;
    }
    return columns.map((column) => column.height);
  });
  const minutesPerDay = heights.map((_, day) =>
    Object.values(series).reduce((sum, minutes) => sum + (minutes[day] ?? 0), 0),
  );
  return heights.flatMap((height, day) => (minutesPerDay[day]! > 0 ? [height / minutesPerDay[day]!] : []));
}

export async function readStats(page: Page): Promise<{ minutes: string; completed: string; streak: string }> {
  const text = (id: string) => page.getByTestId(id).innerText();
  return {
    minutes: await text('stat-minutes'),
    completed: await text('stat-completed'),
    streak: await text('stat-streak'),
  };
}

/** How far the page scrolls sideways (0 on a phone that fits). */
export function scrollOverflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
}
