// One page under test (the app or the reference), measured the same way: cold starts (fresh contexts),
// focus moves over the 30 × 50 home, memory after the home loads, and the JavaScript it loaded first.
import { gzipSync } from 'node:zlib';
import type { Browser, Page } from 'playwright-core';
import { VIEWPORT } from '../../e2e/browser.ts';
import {
  installFrameProbe,
  KEEP_NAMES_SHIM,
  readFrameProbe,
  resetFrameProbe,
  sceneCounts,
  textureMemoryBytes,
  type SceneCounts,
  waitForFocusedHome,
} from './page-probes.ts';

export type PageFigures = {
  coldStartMs: number[];
  coldStartThrottledMs: number[];
  frameMs: number[];
  fps: number;
  /**
   * CPU time of every Chromium process (renderer, GPU process with SwiftShader, browser) while focus moved,
   * per frame drawn: the drawing work itself, which waiting for a busy shared CPU does not inflate the way
   * it does frame rates.
   */
  browserCpuMsPerFrame: number;
  keyToFocusMs: number[];
  heapBytes: number;
  textureBytes: number;
  /** What the renderer draws once the home has settled. */
  scene: SceneCounts;
  initialJsGzipBytes: number;
  initialJsFiles: string[];
};

export const KEY_GAP_MS = 180; // above the key-repeat throttle (120 ms), so every press moves focus
// Across tiles, down the rails and back: the moves a person makes on Home.
export const MOVES = [
  ...Array<string>(12).fill('ArrowRight'),
  ...Array<string>(6).fill('ArrowDown'),
  ...Array<string>(8).fill('ArrowLeft'),
  ...Array<string>(6).fill('ArrowDown'),
  ...Array<string>(12).fill('ArrowRight'),
  ...Array<string>(4).fill('ArrowUp'),
];

async function openCold(browser: Browser, url: string, cpuThrottle: number) {
  const context = await browser.newContext({ viewport: VIEWPORT });
  await context.addInitScript(KEEP_NAMES_SHIM);
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  if (cpuThrottle > 1) await cdp.send('Emulation.setCPUThrottlingRate', { rate: cpuThrottle });
  const scripts = new Map<string, number>();
  page.on('response', (response) => {
    if (!/\.m?js(\?|$)/.test(response.url())) return;
    response
      .body()
      .then((body) => scripts.set(response.url(), gzipSync(body).length))
      .catch(() => undefined);
  });
  await page.goto(url);
  const readyMs = await waitForFocusedHome(page);
  return { context, page, cdp, readyMs, scripts };
}

async function coldStarts(browser: Browser, url: string, runs: number, cpuThrottle: number) {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const { context, readyMs } = await openCold(browser, url, cpuThrottle);
    times.push(readyMs);
    await context.close();
  }
  return times;
}

export async function measurePage(browser: Browser, url: string, runs = 5): Promise<PageFigures> {
  const coldStartMs = await coldStarts(browser, url, runs, 1);
  const coldStartThrottledMs = await coldStarts(browser, url, Math.max(2, Math.ceil(runs / 2)), 6);
  const { context, page, cdp, scripts } = await openCold(browser, url, 1);
  await page.waitForTimeout(1500); // let images, fonts and the hero settle
  const initialJs = new Map(scripts); // before any move could load more

  await cdp.send('HeapProfiler.collectGarbage');
  const heap = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
  const textureBytes = await textureMemoryBytes(page);
  const scene = await sceneCounts(page);

  await installFrameProbe(page);
  const cpuBefore = await browserCpuSeconds(browser);
  const moves = await moveFocus(page);
  const cpuMs = ((await browserCpuSeconds(browser)) - cpuBefore) * 1000;
  await context.close();
  return {
    coldStartMs,
    coldStartThrottledMs,
    ...moves,
    browserCpuMsPerFrame: cpuMs / Math.max(1, moves.frameMs.length),
    heapBytes: heap.usedSize,
    textureBytes,
    scene,
    initialJsGzipBytes: [...initialJs.values()].reduce((sum, n) => sum + n, 0),
    initialJsFiles: [...initialJs.keys()].map((u) => new URL(u).pathname),
  };
}

/** CPU seconds used so far by all of the browser's processes (CDP SystemInfo.getProcessInfo). */
async function browserCpuSeconds(browser: Browser): Promise<number> {
  const cdp = await browser.newBrowserCDPSession();
  const { processInfo } = (await cdp.send('SystemInfo.getProcessInfo')) as {
    processInfo: { type: string; id: number; cpuTime: number }[];
  };
  await cdp.detach();
  return processInfo.reduce((sum, process) => sum + process.cpuTime, 0);
}

async function moveFocus(page: Page) {
  await resetFrameProbe(page);
  const started = Date.now();
  for (const key of MOVES) {
    await page.keyboard.press(key);
    await page.waitForTimeout(KEY_GAP_MS);
  }
  await page.waitForTimeout(400);
  const seconds = (Date.now() - started) / 1000;
  const probe = await readFrameProbe(page);
  return { frameMs: probe.frameMs, fps: probe.frameMs.length / seconds, keyToFocusMs: probe.keyToFocusMs };
}

export function mean(values: number[]): number {
  return values.length ? values.reduce((sum, v) => sum + v, 0) / values.length : Number.NaN;
}

export function percentile(values: number[], p: number): number {
  if (!values.length) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

export function median(values: number[]): number {
  return percentile(values, 50);
}
