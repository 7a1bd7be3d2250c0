/// <reference lib="dom" />
// (page.evaluate callbacks run in the browser)
// One boot of the TV app as a box would make it: a fresh context with the box's household and profile
// already stored, the bundle its engine picks (old-engine.ts for the legacy one), a window of the box's size.
// Read: cold start to a focused home (6× CPU throttling), the renderer's CPU time until then (what a loaded
// machine inflates less than wall time), the JavaScript fetched until then (gzip), and once the home has settled,
// the renderer's texture memory and the JS heap after a garbage collection.
import { gzipSync } from 'node:zlib';
import type { Browser, CDPSession, Page } from 'playwright-core';
import { emulateOldEngine } from '../../e2e/old-engine.ts';
import { KEEP_NAMES_SHIM } from '../tv/page-probes.ts';

export type BoxIdentity = { token: string; householdId: string; deviceId: string; profileId: string };

export type BootCase = {
  name: string;
  bundle: 'modern' | 'legacy';
  viewport: { width: number; height: number };
  /** Served as the box's carrier.json (its device profile). */
  carrier: unknown;
};

export type BootFigures = {
  coldStartMs: number;
  /**
   * CPU time of the page's renderer until the focused home, from CDP `Performance.getMetrics` (the fresh
   * context's renderer, counted from its start): `ThreadTime` is its main thread's, `ProcessTime` all of its
   * threads' (image decoding, GC helpers, compositor). Chromium's CPU throttling busy-waits the main thread in a
   * signal handler for (rate − 1) × the wall time it last ran, so a throttled boot's figures hold that spinning
   * (and a loaded machine's descheduling, multiplied); an unthrottled boot's are its work.
   */
  mainThreadCpuMs: number;
  rendererCpuMs: number;
  initialJsGzipBytes: number;
  initialJsFiles: string[];
  textureMemUsed?: number;
  renderableTextureMem?: number;
  loadedTextures?: number;
  textureThreshold?: number;
  canvas?: string;
  heapBytes?: number;
};

const SETTLE_MS = 3000; // pictures, fonts and the hero arrive after the first focus

type MemoryInfo = {
  memUsed: number;
  renderableMemUsed: number;
  loadedTextures: number;
  criticalThreshold: number;
};

/**
 * performance.now() at the first frame showing a focused tile (as page-probes' waitForFocusedHome), and the
 * scripts whose requests started before it, read in that same frame: read later, from Node, a chunk the app
 * loads right after the first focus (the prefetch schedule) could be counted on a slow machine.
 */
function focusedHomeAndScripts(page: Page, timeoutMs: number): Promise<{ at: number; scripts: string[] }> {
  return page.evaluate(
    (timeout) =>
      new Promise<{ at: number; scripts: string[] }>((resolve, reject) => {
        const started = performance.now();
        const check = () => {
          const hooks = (window as unknown as { __ketang?: { focusedText?: () => string } }).__ketang;
          if ((hooks?.focusedText?.() ?? '').length > 0)
            return requestAnimationFrame(() => {
              const at = performance.now();
              const scripts = performance
                .getEntriesByType('resource')
                .filter((entry) => entry.startTime <= at && /\.m?js(\?|$)/.test(entry.name))
                .map((entry) => entry.name);
              resolve({ at, scripts });
            });
          if (performance.now() - started > timeout) return reject(new Error('home never focused'));
          requestAnimationFrame(check);
        };
        check();
      }),
    timeoutMs,
  );
}

type Metrics = { metrics: { name: string; value: number }[] };

/** Seconds from CDP's metrics, as milliseconds. */
async function rendererCpu(cdp: CDPSession): Promise<Pick<BootFigures, 'mainThreadCpuMs' | 'rendererCpuMs'>> {
  const { metrics } = (await cdp.send('Performance.getMetrics')) as Metrics;
  const ms = (name: string) => {
    const found = metrics.find((metric) => metric.name === name);
    if (!found) throw new Error(`Performance.getMetrics: no ${name}`);
    return found.value * 1000;
  };
  return { mainThreadCpuMs: ms('ThreadTime'), rendererCpuMs: ms('ProcessTime') };
}

export async function measureBoot(
  browser: Browser,
  url: string,
  box: BoxIdentity,
  boot: BootCase,
  options: { cpuThrottle: number; settle: boolean },
): Promise<BootFigures> {
  const context = await browser.newContext({ viewport: boot.viewport });
  try {
    await context.addInitScript(KEEP_NAMES_SHIM);
    await context.addInitScript((identity) => {
      const { profileId, ...credential } = identity;
      localStorage.setItem('ketang.household', JSON.stringify(credential));
      localStorage.setItem('ketang.profileId', profileId);
    }, box);
    // By path: the legacy bundle's fetch polyfill adds `?_=<time>` to a no-cache request.
    await context.route(
      (address) => address.pathname.endsWith('/carrier.json'),
      (route) => route.fulfill({ contentType: 'application/json', body: JSON.stringify(boot.carrier) }),
    );
    if (boot.bundle === 'legacy')
      await emulateOldEngine(context, new URL(url).origin, { withModules: false });
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    if (options.cpuThrottle > 1)
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: options.cpuThrottle });
    const scripts = new Map<string, Promise<number>>();
    page.on('response', (response) => {
      if (!/\.m?js(\?|$)/.test(response.url())) return;
      scripts.set(
        response.url(),
        response.body().then(
          (body) => gzipSync(body).length,
          () => 0,
        ),
      );
    });
    await cdp.send('Performance.enable', { timeDomain: 'threadTicks' });
    await page.goto(url);
    const { at: coldStartMs, scripts: fetched } = await focusedHomeAndScripts(page, 60_000);
    const cpu = await rendererCpu(cdp);
    const initial = new Map(
      fetched.map((address) => {
        const size = scripts.get(address);
        if (!size) throw new Error(`the page loaded ${address} before its home, but no response was seen`);
        return [address, size];
      }),
    );
    const sizes = await Promise.all(initial.values());
    const figures: BootFigures = {
      coldStartMs,
      ...cpu,
      initialJsGzipBytes: sizes.reduce((sum, n) => sum + n, 0),
      initialJsFiles: [...initial.keys()].map((u) => new URL(u).pathname.replace('/assets/', '')),
    };
    if (!options.settle) return figures;
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
    await page.waitForTimeout(SETTLE_MS);
    const memory = await page.evaluate(() => {
      type Hooks = {
        renderer: { stage: { txMemManager: { getMemoryInfo(): MemoryInfo } }; canvas: HTMLCanvasElement };
      };
      const hooks = (window as unknown as { __ketang: Hooks }).__ketang;
      const canvas = document.querySelector('canvas')!;
      return {
        info: hooks.renderer.stage.txMemManager.getMemoryInfo(),
        canvas: `${canvas.width}×${canvas.height}`,
      };
    });
    await cdp.send('HeapProfiler.collectGarbage');
    const heap = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
    return {
      ...figures,
      textureMemUsed: memory.info.memUsed,
      renderableTextureMem: memory.info.renderableMemUsed,
      loadedTextures: memory.info.loadedTextures,
      textureThreshold: memory.info.criticalThreshold,
      canvas: memory.canvas,
      heapBytes: heap.usedSize,
    };
  } finally {
    await context.close();
  }
}
