/// <reference lib="dom" />
// (page.evaluate callbacks run in the browser)
// A low-memory box (carrier.json `deviceProfile.memoryClass: "low"`, tv-app/src/device/memory-class.ts) in
// Chromium against the fixture server: the canvas has 1280×720 pixels whether the window is 720p or 1080p (then
// stretched to fill it), the renderer's texture budget is the class's 40 MB, and Home keeps no more rails alive than standard.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, saveScreenshot } from './browser.ts';
import { buildTvApp } from './build-app.ts';
import { startFixtureServer, type FixtureServer } from './fixture-server.ts';
import { waitForFocus } from './remote.ts';

type Drawn = { pixels: string; onScreen: string; threshold: number; rails: number };

/** The canvas's own pixels, its size on screen, the texture threshold and the rails the renderer holds. */
function drawn(page: Page): Promise<Drawn> {
  return page.evaluate(() => {
    // The app's own element tree (Rail marks its view with `railHeading`), from its root.
    type Element = { children?: Element[]; parent?: Element; railHeading?: unknown };
    type Renderer = { stage: { txMemManager: { getMemoryInfo(): { criticalThreshold: number } } } };
    const hooks = (window as unknown as { __ketang: { renderer: Renderer; activeElement(): Element } })
      .__ketang;
    const renderer = hooks.renderer;
    const canvas = document.querySelector('canvas')!;
    const box = canvas.getBoundingClientRect();
    let root = hooks.activeElement();
    while (root.parent) root = root.parent;
    let rails = 0;
    const visit = (node: Element) => {
      if (typeof node.railHeading === 'string') rails += 1;
      node.children?.forEach(visit);
    };
    visit(root);
    return {
      pixels: `${canvas.width}×${canvas.height}`,
      onScreen: `${Math.round(box.width)}×${Math.round(box.height)}`,
      threshold: renderer.stage.txMemManager.getMemoryInfo().criticalThreshold,
      rails,
    };
  });
}

describe('a low-memory box', () => {
  let standard: FixtureServer;
  let low: FixtureServer;
  let browser: Browser;

  beforeAll(async () => {
    await buildTvApp();
    [standard, low] = await Promise.all([
      startFixtureServer({}),
      startFixtureServer({ carrier: { deviceProfile: { memoryClass: 'low' } } }),
    ]);
    browser = await launchChromium();
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    await standard?.close();
    await low?.close();
  });

  async function home(server: FixtureServer, width: number, height: number, name: string): Promise<Drawn> {
    const page = await browser.newPage({ viewport: { width, height } });
    await page.goto(`${server.url}/`);
    await waitForFocus(page, (text) => text.length > 0, 30_000);
    await page.waitForTimeout(1000);
    await saveScreenshot(page, name);
    const figures = await drawn(page);
    await page.close();
    return figures;
  }

  it('draws 1280×720 pixels in a 720p or a 1080p window, with a 40 MB texture budget', async () => {
    const in720 = await home(low, 1280, 720, 'low-memory-720p');
    expect(in720).toMatchObject({ pixels: '1280×720', onScreen: '1280×720', threshold: 40e6 });
    const in1080 = await home(low, 1920, 1080, 'low-memory-1080p');
    expect(in1080).toMatchObject({ pixels: '1280×720', onScreen: '1920×1080', threshold: 40e6 });
    const standardHome = await home(standard, 1920, 1080, 'standard-memory-1080p');
    expect(standardHome).toMatchObject({ pixels: '1920×1080', onScreen: '1920×1080', threshold: 100e6 });
    // Two rails on screen and one buffered on both (the VirtualColumn's least), never more on the low box.
    expect(in1080.rails).toBeLessThanOrEqual(standardHome.rails);
  }, 120_000);
});
