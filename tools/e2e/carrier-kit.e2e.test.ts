// Issue 14's leftovers in headless Chromium against the real content API and the packaged demo lesson:
// - endpoints.cdnBase: a second local server on another port stands for the carrier's CDN (it proxies to the
//   API); the lesson's manifest and segments and the pictures are fetched there, none from the API.
// - a deep link at launch on a box without a profile survives the profile's creation and opens after it.
// - features.parentPhonePage: false takes the phone link off Settings.
// - a draft-preview code typed in Settings: the banner shows it and device reads send X-Ketang-Preview.
import { existsSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { VIEWPORT, launchChromium, saveDocScreenshot } from './browser.ts';
import { buildTvApp } from './build-app.ts';
import { PIN, openSettingsFromHome, typeDigits, typeNewPin, waitFor } from './care-flow.ts';
import { SERVER_ENTRY, startContentApi, type RunningApi } from './content-api-server.ts';
import { E2E_LESSON_ID, prepareDemoMedia } from './demo-media.ts';
import { textBoxes } from './layout.ts';
import { createProfileByKeys, moveTo } from './profile-flow.ts';
import { press, videoState, waitForFocus, waitForHash } from './remote.ts';

const canRun = existsSync(SERVER_ENTRY) || process.env.CI === 'true';
const ADMIN_PASSWORD = 'carrier-kit-admin-0123';

type Cdn = { origin: string; served: string[]; close(): Promise<void> };

/** The carrier's CDN: another 127.0.0.1 port that proxies GETs to the API, open to any origin (as CDNs are). */
async function startCdn(apiUrl: string): Promise<Cdn> {
  const served: string[] = [];
  const app = express();
  app.use(async (req, res) => {
    res.set({
      'Access-Control-Allow-Origin': '*',
      'Access-Control-Allow-Headers': '*',
      'Access-Control-Expose-Headers': '*',
    });
    if (req.method === 'OPTIONS') return void res.status(204).end();
    served.push(req.originalUrl);
    const range = req.get('range');
    const upstream = await fetch(`${apiUrl}${req.originalUrl}`, { headers: range ? { range } : {} });
    for (const name of ['content-type', 'content-range', 'accept-ranges', 'cache-control', 'etag'])
      if (upstream.headers.get(name)) res.set(name, upstream.headers.get(name)!);
    res.status(upstream.status).send(Buffer.from(await upstream.arrayBuffer()));
  });
  const server: Server = await new Promise((resolve) => {
    const started = app.listen(0, '127.0.0.1', () => resolve(started));
  });
  return {
    origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    served,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

describe.runIf(canRun)('carrier kit leftovers (real API, a CDN on another port, Chromium)', () => {
  let api: RunningApi;
  let cdn: Cdn;
  let browser: Browser;
  let page: Page;
  /** Every request the page made: where it went and whether it carried a preview code. */
  const requests: { url: string; preview?: string }[] = [];

  beforeAll(async () => {
    const [media] = await Promise.all([prepareDemoMedia(), buildTvApp()]);
    api = await startContentApi({ ...media, env: { KETANG_ADMIN_PASSWORD: ADMIN_PASSWORD } });
    cdn = await startCdn(api.url);
    browser = await launchChromium();
    const context = await browser.newContext({ viewport: VIEWPORT });
    // The carrier's configuration beside the app: its CDN, and no parent's phone page.
    await context.route('**/carrier.json', (route) =>
      route.fulfill({
        contentType: 'application/json',
        body: JSON.stringify({ cdnBase: cdn.origin, features: { parentPhonePage: false } }),
      }),
    );
    page = await context.newPage();
    page.on('request', (request) =>
      requests.push({ url: request.url(), preview: request.headers()['x-ketang-preview'] }),
    );
  }, 900_000);

  afterAll(async () => {
    await browser?.close();
    await cdn?.close();
    await api?.stop();
  });

  it('keeps a deep link of a launch without a profile through its creation, then opens it', async () => {
    await page.goto(`${api.url}/?link=lesson/${E2E_LESSON_ID}`);
    await waitForHash(page, /^#\/profiles\/new$/, 30_000);
    await createProfileByKeys(page, 'carrier-kit-', { kind: '孩子', avatar: '老虎', name: '小宝' });
    await waitForHash(page, new RegExp(`^#/lesson/${E2E_LESSON_ID}$`), 30_000);
    await waitForFocus(page, (text) => text === '播放', 30_000);
  }, 120_000);

  it("plays the lesson from the carrier's CDN: manifest, segments and pictures, none from the API", async () => {
    await press(page, 'Enter');
    await page.waitForFunction(
      () => ((document.getElementById('ketang-video') as HTMLVideoElement | null)?.currentTime ?? 0) > 1,
      undefined,
      { timeout: 60_000 },
    );
    expect((await videoState(page)).paused).toBe(false);
    const fromApi = requests.filter(({ url }) => url.startsWith(`${api.url}/media/`));
    expect(fromApi).toEqual([]);
    const media = cdn.served.filter((url) => url.startsWith('/media/'));
    expect(media.some((url) => url.endsWith('.mpd'))).toBe(true);
    expect(media.filter((url) => !url.endsWith('.mpd')).length).toBeGreaterThan(1); // segments
    // Home (the box restarted): the tiles' pictures come from the CDN as well.
    await page.goto(`${api.url}/`);
    await waitForFocus(page, (text) => text.length > 0 && !text.endsWith('年级'), 30_000);
    await waitFor(
      'a picture from the CDN',
      async () => cdn.served.filter((url) => url.includes('poster') || url.startsWith('/v1/images/')),
      (pictures) => pictures.length > 0,
      20_000,
    );
    expect(requests.filter(({ url }) => url.startsWith(`${api.url}/v1/images/`))).toEqual([]);
  }, 120_000);

  it('hides the phone link (parentPhonePage: false); a preview code typed there shows the banner and rides on reads', async () => {
    await openSettingsFromHome(page);
    await waitForFocus(page, (text) => text === '1');
    await typeNewPin(page);
    await typeDigits(page, PIN);
    await waitForFocus(page, (text) => text === '每日观看', 20_000);
    const labels = (await textBoxes(page)).map((box) => box.text);
    expect(labels).toContain('输入预览码');
    expect(labels).not.toContain('用手机管理');

    // An operator's preview code for the draft of region national.
    const login = await fetch(`${api.url}/v1/operator/sessions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'admin', password: ADMIN_PASSWORD }),
    });
    const { token } = (await login.json()) as { token: string };
    const preview = await fetch(`${api.url}/v1/operator/regions/national/previews`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: '{}',
    });
    expect(preview.status).toBe(201);
    const { code } = (await preview.json()) as { code: string };

    await press(page, 'ArrowUp');
    await moveTo(page, 'ArrowRight', '输入预览码');
    await press(page, 'Enter');
    await waitForFocus(page, (text) => text === '1');
    await typeDigits(page, code);
    await waitFor(
      'the preview banner',
      async () => (await textBoxes(page)).map((box) => box.text),
      (texts) => texts.some((text) => text.startsWith(`预览中 ${code}`)),
    );
    await waitForFocus(page, (text) => text === `结束预览 ${code}`);
    await saveDocScreenshot(page, 'tv-preview-code');
    const before = requests.length;
    await press(page, 'Escape');
    await waitForHash(page, /^#\/$/, 20_000);
    await waitFor(
      'a read with the preview code',
      async () => requests.slice(before).filter(({ url }) => url.includes('/v1/')),
      (reads) => reads.some((read) => read.preview === code),
    );
    expect((await textBoxes(page)).some((box) => box.text.startsWith(`预览中 ${code}`))).toBe(true);
  }, 120_000);
});
