/// <reference lib="dom" />
// (page.evaluate callbacks run in the browser)
// Issue 12 end to end against the REAL content API: an operator attaches a licensed external HLS source
// (AES-128, made here by ffmpeg, keys from a local key service that wants the licensee's token) to a lesson
// without video; the TV's tile and lesson page then say playable, Play by keys plays it in Chromium, and the
// key service saw the token on every key request (all from the API) and refuses one without it. Also: the
// home loads at most 120 KB of JavaScript (gzip) and no Shaka; Play loads Shaka's full build, not the DASH one.
import { existsSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, openTv, saveScreenshot } from './browser.ts';
import { buildTvApp } from './build-app.ts';
import { boxWithChild } from './care-flow.ts';
import { SERVER_ENTRY, startContentApi, type RunningApi } from './content-api-server.ts';
import { LICENSEE_TOKEN, startLicensee, type Licensee } from './licensed-hls.ts';
import { profileHome } from './profile-flow.ts';
import { press, videoState, waitForFocus, waitForHash } from './remote.ts';

const ADMIN_PASSWORD = 'e2e-admin-password-2026';
const INITIAL_JS_LIMIT = 120 * 1024;

const canRun = existsSync(SERVER_ENTRY) || process.env.CI === 'true';

/** The focused tile's picture alpha: 1 when the tile says playable, dimmed when not. */
function focusedTileAlpha(page: Page): Promise<number | undefined> {
  return page.evaluate(() => {
    type Node = { src?: string; alpha?: number; children?: Node[] };
    const hooks = (window as unknown as { __ketang: { activeElement: () => Node } }).__ketang;
    const stack = [hooks.activeElement()];
    while (stack.length > 0) {
      const node = stack.pop()!;
      if (node.src) return node.alpha ?? 1;
      stack.push(...(node.children ?? []));
    }
    return undefined;
  });
}

type Home = Awaited<ReturnType<typeof profileHome>>;

/** Where Home draws a lesson: today's rail first (when it has lessons), then the rails with items. */
function positionOf(home: Home, lessonId: string): { down: number; right: number } {
  const rails = [home.today, ...home.rails.map((rail) => rail.items)].filter((items) => items.length > 0);
  for (const [down, items] of rails.entries()) {
    const right = items.findIndex((item) => item.id === lessonId);
    if (right >= 0) return { down, right };
  }
  throw new Error(`lesson ${lessonId} is not on the child's home`);
}

describe.runIf(canRun)('licensed external HLS on the TV', () => {
  let api: RunningApi;
  let licensee: Licensee;
  let browser: Browser;
  let page: Page;
  const scripts = new Map<string, number>();

  beforeAll(async () => {
    [licensee] = await Promise.all([startLicensee(), buildTvApp()]);
    api = await startContentApi({ env: { KETANG_ADMIN_PASSWORD: ADMIN_PASSWORD } });
    browser = await launchChromium();
    page = await openTv(browser, `${api.url}/`);
    page.on('response', (response) => {
      if (!/\.js(\?|$)/.test(response.url())) return;
      response
        .body()
        .then((body) => scripts.set(new URL(response.url()).pathname, gzipSync(body).length))
        .catch(() => undefined);
    });
    const [first] = (await (await fetch(`${api.url}/v1/lessons?limit=1`)).json()).items as {
      grade?: { id: string };
    }[];
    await boxWithChild(page, api.url, first?.grade?.id);
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    await api?.stop();
    await licensee?.stop();
  });

  it('attached by an operator, it says playable, plays by keys, and its keys need the token', async () => {
    // The child's home opens on the first lesson of its first rail: a lesson with no video yet. (Once Home has
    // focus, the app has stored the active profile that profileHome reads.)
    await waitForFocus(page, (text) => text.length > 0, 30_000);
    const home = await profileHome(page, api.url);
    const target = [...home.today, ...home.rails.flatMap((rail) => rail.items)][0]!;
    await waitForFocus(page, (text) => text === target.title.zh, 30_000);
    expect(target.playable).toBe(false);
    await page.waitForTimeout(500);
    expect(await focusedTileAlpha(page)).toBeLessThan(1);

    const session = await fetch(`${api.url}/v1/operator/sessions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'admin', password: ADMIN_PASSWORD }),
    });
    const { token } = (await session.json()) as { token: string };
    const attached = await fetch(`${api.url}/v1/operator/lessons/${encodeURIComponent(target.id)}/source`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({
        type: 'external-hls',
        url: licensee.playlistUrl,
        keyServiceUrl: licensee.keyServiceUrl,
        keyToken: LICENSEE_TOKEN,
      }),
    });
    expect(attached.status).toBe(200);
    // Curation is a draft until a release publishes it (issue 13); this box's region has none of its own, so
    // the national release brings it the source.
    const released = await fetch(`${api.url}/v1/operator/regions/national/releases`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: '{}',
    });
    expect(released.status).toBe(201);

    // The box starts again (as a family would find it later): the tile now says playable.
    scripts.clear();
    await page.reload();
    await waitForFocus(page, (text) => text.length > 0, 30_000);
    const at = positionOf(await profileHome(page, api.url), target.id);
    await press(page, 'ArrowDown', at.down);
    await press(page, 'ArrowRight', at.right);
    await waitForFocus(page, (text) => text === target.title.zh);
    await page.waitForTimeout(800);
    expect(await focusedTileAlpha(page)).toBe(1);
    await saveScreenshot(page, 'licensed-hls-home');
    const initial = [...scripts.values()].reduce((sum, bytes) => sum + bytes, 0);
    expect(initial, 'JavaScript (gzip) until the home is focused').toBeLessThanOrEqual(INITIAL_JS_LIMIT);
    expect([...scripts.keys()].filter((name) => /hls-engine|preload-manager|shaka/.test(name))).toEqual([]);

    await press(page, 'Enter');
    await waitForHash(page, /^#\/lesson\//);
    await waitForFocus(page, (text) => text === '播放', 15_000);
    await saveScreenshot(page, 'licensed-hls-lesson');
    await press(page, 'Enter');
    await waitForHash(page, /^#\/play\//);
    await page.waitForFunction(
      () => (document.getElementById('ketang-video') as HTMLVideoElement).currentTime >= 2,
      undefined,
      { timeout: 60_000 },
    );
    const first = await videoState(page);
    await page.waitForTimeout(1500);
    const later = await videoState(page);
    expect(later.currentTime).toBeGreaterThan(first.currentTime);
    expect(later.codecFamily).toBe('h264');
    await saveScreenshot(page, 'licensed-hls-playing');
    const loaded = [...scripts.keys()];
    expect(loaded.some((name) => name.includes('hls-engine'))).toBe(true);
    expect(loaded.some((name) => name.includes('preload-manager'))).toBe(false);

    // Every key request reached the licensee from the API with the token; the box never asked it directly.
    expect(licensee.keyRequests.length).toBeGreaterThan(0);
    for (const request of licensee.keyRequests) {
      expect(request).toEqual({ authorization: `Bearer ${LICENSEE_TOKEN}`, origin: undefined });
    }
    const refused = await fetch(licensee.keyUrl);
    expect(refused.status).toBe(401);
    expect(licensee.keyRequests.at(-1)).toEqual({ authorization: undefined, origin: undefined });
  }, 240_000);
});
