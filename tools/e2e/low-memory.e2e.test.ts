/// <reference lib="dom" />
// (page.evaluate callbacks run in the browser)
// A low-memory box (carrier.json `deviceProfile.memoryClass: "low"`, tv-app/src/device/memory-class.ts) in
// Chromium against the fixture server: the canvas has 1280×720 pixels whether the window is 720p or 1080p (then
// stretched to fill it), the renderer's texture budget is the class's 40 MB, and Home keeps no more rails alive than
// standard: the rail scrolled off above the focused one keeps its heading (for Up to land on) but no tiles.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, saveScreenshot } from './browser.ts';
import { buildTvApp } from './build-app.ts';
import { startFixtureServer, type FixtureServer } from './fixture-server.ts';
import { press, waitForFocus } from './remote.ts';

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

const RAILS = 5;
const TILES = 8;

/** Rails headed "Rail r" whose tiles are titled "Rail r tile t" (no pictures: this checks the rails, not images). */
function makeHome(): unknown {
  return {
    rails: Array.from({ length: RAILS }, (_, r) => ({
      id: `rail-${r}`,
      kind: 'lessons',
      title: { zh: `Rail ${r}` },
      items: Array.from({ length: TILES }, (_, t) => ({
        id: `l-${r}-${t}`,
        title: { zh: `Rail ${r} tile ${t}` },
        durationSeconds: 600,
        teachers: [],
        periodCount: 1,
        playable: true,
      })),
    })),
  };
}

type RailState = { focused: string; heading: string; railsWithTiles: string[] };

/** The focused tile and its rail's heading, and the headings of the rails that hold tiles now. */
function railState(page: Page): Promise<RailState> {
  return page.evaluate(() => {
    type Element = { children?: Element[]; parent?: Element; railHeading?: unknown; pictureTitle?: unknown };
    const hooks = (
      window as unknown as {
        __ketang: { activeElement(): Element; focusedText(): string; focusedRailHeading(): string };
      }
    ).__ketang;
    let root = hooks.activeElement();
    while (root.parent) root = root.parent;
    const railsWithTiles: string[] = [];
    const visit = (node: Element) => {
      // A rail's heading is its first child; its row of tiles, when it keeps one, the second.
      if (typeof node.railHeading === 'string') {
        if ((node.children?.length ?? 0) > 1) railsWithTiles.push(node.railHeading);
        return;
      }
      node.children?.forEach(visit);
    };
    visit(root);
    return { focused: hooks.focusedText(), heading: hooks.focusedRailHeading(), railsWithTiles };
  });
}

describe('a low-memory box', () => {
  let standard: FixtureServer;
  let low: FixtureServer;
  let lowRails: FixtureServer;
  let browser: Browser;

  beforeAll(async () => {
    await buildTvApp();
    [standard, low, lowRails] = await Promise.all([
      startFixtureServer({}),
      startFixtureServer({ carrier: { deviceProfile: { memoryClass: 'low' } } }),
      startFixtureServer({ carrier: { deviceProfile: { memoryClass: 'low' } }, home: makeHome() }),
    ]);
    browser = await launchChromium();
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    await standard?.close();
    await low?.close();
    await lowRails?.close();
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

  it('keeps no tiles in the rail scrolled off above focus, and gives them back, on the same tile, on Up', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
    await page.goto(`${lowRails.url}/`);
    await waitForFocus(page, (text) => text === 'Rail 0 tile 0', 30_000);
    await press(page, 'ArrowRight', 2);
    await waitForFocus(page, (text) => text === 'Rail 0 tile 2');
    await press(page, 'ArrowDown');
    await waitForFocus(page, (text) => text === 'Rail 1 tile 0');
    await press(page, 'ArrowDown');
    await waitForFocus(page, (text) => text === 'Rail 2 tile 0');
    await page.waitForTimeout(1000); // the scroll has ended: the rail above lets its tiles go
    const down = await railState(page);
    // On screen: the focused rail and the next; above, Rail 1 keeps only its heading.
    expect(down).toEqual({
      focused: 'Rail 2 tile 0',
      heading: 'Rail 2',
      railsWithTiles: ['Rail 2', 'Rail 3'],
    });
    await press(page, 'ArrowUp');
    await waitForFocus(page, (text) => text === 'Rail 1 tile 0');
    await press(page, 'ArrowUp');
    await waitForFocus(page, (text) => text === 'Rail 0 tile 2', 10_000);
    expect((await railState(page)).heading).toBe('Rail 0');
    await page.close();
  }, 120_000);
});
