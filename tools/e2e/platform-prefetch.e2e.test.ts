// Issue 14's platform adapter and overnight prefetch, in headless Chromium against the real content API and
// the packaged demo lesson: tomorrow's lesson of its grade channel is prefetched at the low rung into Cache
// Storage, /media is then refused (Playwright routes, the service worker's requests included) and the lesson,
// opened by a deep link at launch, plays from the cache. The platform chunks load only on their platform;
// Tizen, webOS, Firebolt and RDK run against fake platform globals (stand-ins for the devices, named so).
import { existsSync } from 'node:fs';
import type { LessonDetail } from '@ketang/contract';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { VIEWPORT, launchChromium } from './browser.ts';
import { buildTvApp } from './build-app.ts';
import { SERVER_ENTRY, startContentApi, type RunningApi } from './content-api-server.ts';
import { E2E_LESSON_ID, prepareDemoMedia } from './demo-media.ts';
import { boxWithChild } from './care-flow.ts';
import { FamilyClient } from './family-flow.ts';
import { videoState, waitForHash } from './remote.ts';

const canRun = existsSync(SERVER_ENTRY) || process.env.CI === 'true';

type Report = { date: string; stored: string[]; skipped: { lessonId: string; reason: string }[] };
type Hooks = {
  prefetchNow?(grade?: string): Promise<Report>;
  platform?: { name: string; device(): Promise<unknown>; storage: { get(key: string): string | null } };
};

async function newTv(
  browser: Browser,
  init?: string,
): Promise<{ context: BrowserContext; page: Page; scripts: string[] }> {
  const context = await browser.newContext({ viewport: VIEWPORT });
  await context.addInitScript({
    content: `window.__routes = []; addEventListener('hashchange', () => window.__routes.push(location.hash));`,
  });
  if (init) await context.addInitScript({ content: init });
  const page = await context.newPage();
  const scripts: string[] = [];
  page.on('request', (request) => {
    if (request.resourceType() === 'script') scripts.push(new URL(request.url()).pathname);
  });
  return { context, page, scripts };
}

async function waitForHook(page: Page, name: keyof Hooks): Promise<void> {
  await page.waitForFunction(
    (hook) => Boolean((window as { __ketang?: Record<string, unknown> }).__ketang?.[hook]),
    name,
    {
      timeout: 30_000,
    },
  );
}

describe.runIf(canRun)('platform adapter and overnight prefetch (real API, Chromium)', () => {
  let api: RunningApi;
  let browser: Browser;
  let lesson: LessonDetail;

  beforeAll(async () => {
    const [media] = await Promise.all([prepareDemoMedia(), buildTvApp()]);
    api = await startContentApi(media);
    browser = await launchChromium();
    lesson = (await (await fetch(`${api.url}/v1/lessons/${E2E_LESSON_ID}`)).json()) as LessonDetail;
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    await api?.stop();
  });

  it('prefetches tomorrow at the low rung, then plays it from the cache with /media refused', async () => {
    const { context, page } = await newTv(browser);
    await page.goto(`${api.url}/`);
    // A child of the demo lesson's grade: the prefetch follows the active profile's grade.
    await boxWithChild(page, api.url, lesson.grade!.id);
    await waitForHash(page, /^#\/$/, 30_000);
    await waitForHook(page, 'prefetchNow');
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, {
      timeout: 20_000,
    });
    // Undefined until Home has chosen the profile; bounded.
    const report = await page
      .waitForFunction(() => (window as unknown as { __ketang: Hooks }).__ketang.prefetchNow!(), undefined, {
        timeout: 90_000,
        polling: 1000,
      })
      .then((handle) => handle.jsonValue() as Promise<Report>);
    expect(report.skipped).toEqual([]);
    expect(report.stored).toEqual([E2E_LESSON_ID]);
    // Only the low rung was kept: the 360p video, the audio, the captions; no 1080p, no trick play.
    const kept = await page.evaluate(async () => {
      const cache = await caches.open('ketang-media-v1');
      return (await cache.keys()).map((request) => new URL(request.url).pathname);
    });
    expect(kept.some((url) => url.includes('/video/') && url.includes('360p'))).toBe(true);
    expect(kept.some((url) => url.includes('1080p') || url.includes('720p') || url.includes('/trick/'))).toBe(
      false,
    );
    expect(kept.some((url) => url.includes('/audio/'))).toBe(true);

    // The network fails for /media, the service worker's requests included.
    let refused = 0;
    await context.route('**/media/**', (route) => {
      refused += 1;
      return route.abort('internetdisconnected');
    });
    await page.goto(`${api.url}/?link=play/${E2E_LESSON_ID}`);
    await page.waitForFunction(
      () => ((document.getElementById('ketang-video') as HTMLVideoElement | null)?.currentTime ?? 0) > 1,
      undefined,
      { timeout: 60_000 },
    );
    const first = await videoState(page);
    await page.waitForTimeout(2000);
    const later = await videoState(page);
    expect(later.currentTime).toBeGreaterThan(first.currentTime);
    expect(later.height).toBe(360);
    expect(refused).toBeGreaterThan(0);

    // Background pauses playback (the page's own visibilitychange, as a launcher hiding the app sends it).
    await page.evaluate(() => {
      Object.defineProperty(document, 'visibilityState', { value: 'hidden', configurable: true });
      document.dispatchEvent(new Event('visibilitychange'));
    });
    expect((await videoState(page)).paused).toBe(true);
    await context.close();
  }, 240_000);

  it('loads only the detected platform chunk; Tizen, webOS, Firebolt and RDK against fake globals', async () => {
    const cases: { name: string; init?: string; device: Record<string, unknown>; hash?: RegExp }[] = [
      { name: 'browser', device: {} },
      // Stand-ins for the devices' globals (no device here).
      {
        name: 'tizen',
        init: `window.tizen = { tvinputdevice: { registerKey() {}, getKey: (n) => ({ name: n, code: n === 'MediaPlayPause' ? 10252 : 1 }) },
          application: { getCurrentApplication: () => ({ exit() {}, getRequestedAppControl: () => null }) } };
          window.webapis = { productinfo: { getDuid: () => 'fake-tizen-duid' } };`,
        device: { deviceId: 'fake-tizen-duid' },
      },
      { name: 'webos', init: `window.PalmSystem = { launchParams: '{}' };`, device: {} },
      // Firebolt's own mock transport answers as a device would.
      // Its launch parameters carry a navigateTo intent (entity `abc`): on this box without a profile the link
      // is held while the family makes one (state/held-link.ts; carrier-kit.e2e opens it after), so the app
      // goes to profile creation, not to the lesson.
      {
        name: 'firebolt',
        init: `window.__firebolt = { mockTransportLayer: true };`,
        device: { deviceId: '123' },
        hash: /^#\/profiles\/new$/,
      },
      {
        name: 'rdk',
        init: `window.__platformSettings = { id: 'ketang', plugins: { profile: { getInfo: (key) =>
          Promise.resolve({ uid: 'fake-rdk-uid', household: 'fake-household', countryCode: 'CN' }[key]) } } };`,
        device: { deviceId: 'fake-rdk-uid', householdId: 'fake-household', region: 'CN' },
      },
    ];
    for (const { name, init, device, hash } of cases) {
      const { context, page, scripts } = await newTv(browser, init);
      await page.goto(`${api.url}/`);
      await waitForHook(page, 'platform');
      const found = await page.evaluate(async () => {
        const platform = (window as unknown as { __ketang: Hooks }).__ketang.platform!;
        return { name: platform.name, device: await platform.device() };
      });
      expect(found.name, name).toBe(name);
      expect(found.device, name).toMatchObject(device);
      // Without a profile the app then asks for one (#/profiles/new): the routes it was sent to are recorded.
      if (hash) {
        await page.waitForFunction(
          (source) =>
            // A route the app replaced into (no hashchange) is the current one.
            [...(window as unknown as { __routes: string[] }).__routes, location.hash].some((route) =>
              new RegExp(source).test(route),
            ),
          hash.source,
          { timeout: 20_000 },
        );
      }
      const others = ['tizen', 'webos', 'firebolt', 'rdk'].filter((other) => other !== name);
      expect(
        scripts.filter((script) => others.some((other) => script.includes(`/${other}-`))),
        name,
      ).toEqual([]);
      if (name !== 'browser')
        expect(
          scripts.some((script) => script.includes(`/${name}-`)),
          name,
        ).toBe(true);
      await context.close();
    }
  }, 240_000);

  it("RDK: the household credential kept in the SDK's Storage, playback events through its Metrics plugin", async () => {
    // A stand-in for the box's app loader: platformSettings whose metrics plugin records what it is sent.
    const { context, page } = await newTv(
      browser,
      `window.__sent = []; window.__platformSettings = { id: 'ketang', plugins: {
        metrics: { sendMetric: (type, event, params) => window.__sent.push({ type, event, url: params.url }) } } };`,
    );
    await page.goto(`${api.url}/`);
    await waitForHash(page, /^#\/profiles/, 30_000);
    // The app's household credential went through the SDK's Storage (namespaced `ketang.`, JSON-encoded).
    const stored = await page.evaluate(() => ({
      viaPlatform: (window as unknown as { __ketang: Hooks }).__ketang.platform!.storage.get(
        'ketang.household',
      ),
      raw: localStorage.getItem('ketang.ketang.household'),
    }));
    expect(stored.raw).toBe(JSON.stringify(stored.viaPlatform));
    const token = (JSON.parse(stored.viaPlatform!) as { token: string }).token;
    await new FamilyClient(api.url, token).call(
      'POST',
      '/v1/household/profiles',
      {
        kind: 'child',
        name: '小明',
        avatar: 'panda',
        gradeId: lesson.grade!.id,
      },
      201,
    );
    await page.goto(`${api.url}/?link=play/${E2E_LESSON_ID}`);
    await page.waitForFunction(
      (id) =>
        (window as unknown as { __sent: { event: string; url: string }[] }).__sent.some(
          (metric) => metric.event === 'play' && metric.url === id,
        ),
      E2E_LESSON_ID,
      { timeout: 60_000 },
    );
    await context.close();
  }, 180_000);
});
