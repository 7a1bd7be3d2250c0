// Issue 13/14's seam, the box's facts on its playback events: the TV app (a carrier document for jx-telecom,
// on a box whose user agent names the EC6108V9 the document's first device profile matches) plays the packaged
// demo lesson in Chromium against the REAL content API (in this process, so the test reads its store); the
// stored event carries the box's model and carrier, the seconds played and the stream's bitrate, and the day's
// rollup puts it in that carrier's and model's cell (read raw from the store: one household is under k=10).
// Its channel reads (the Channels page) carry `carrier`, its lesson reads do not.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pino from 'pino';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../content-api/src/config/env.ts';
import { loadDemo } from '../../content-api/src/demo/load-demo.ts';
import { startServer, type RunningServer } from '../../content-api/src/server.ts';
import type { PlaybackEventRecord } from '../../content-api/src/stores/event.store.ts';
import { launchChromium, VIEWPORT } from './browser.ts';
import { buildTvApp } from './build-app.ts';
import { boxWithChild, waitFor, waitForPlaying } from './care-flow.ts';
import { prepareDemoMedia } from './demo-media.ts';

const REPO = path.resolve(import.meta.dirname, '../..');
const MODEL = 'EC6108V9';
const CARRIER = 'jx-telecom';
const USER_AGENT = `Mozilla/5.0 (X11; Linux x86_64; ${MODEL}) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Safari/537.36`;

/** The example carrier's document as its bundle serves it beside the app, with first-start activation. */
function carrierDocument(): string {
  const doc = JSON.parse(readFileSync(path.join(REPO, 'carriers', CARRIER, 'carrier.json'), 'utf8'));
  // The example's CDN is not on this machine: media come from the API.
  const { cdnBase: _cdn, ...endpoints } = doc.endpoints;
  return JSON.stringify({ ...doc, endpoints, features: { ...doc.features, activation: 'first-start' } });
}

describe('the box’s facts on its playback events (issue 13/14 seam)', () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'ketang-box-facts-'));
  let api: RunningServer;
  let browser: Browser;
  let page: Page;
  let lessonId: string;
  let deviceId: string;
  /** Every API read the TV made, in order. */
  const reads: URL[] = [];

  beforeAll(async () => {
    const [media] = await Promise.all([prepareDemoMedia(), buildTvApp()]);
    lessonId = media.lessonId;
    const config = loadConfig({
      ...process.env,
      PORT: '0',
      HOST: '127.0.0.1',
      KETANG_DATA_DIR: dataDir,
      KETANG_MEDIA_DIR: media.mediaDir,
      KETANG_DEMO_VIDEO_DIR: media.demoVideoDir,
      LOG_LEVEL: 'warn',
    });
    const logger = pino({ level: 'warn' });
    api = await startServer({
      config,
      logger,
      seed: (stores, services) => loadDemo(stores, services, config, logger),
    });
    browser = await launchChromium();
    const context = await browser.newContext({ viewport: VIEWPORT, userAgent: USER_AGENT });
    await context.route('**/carrier.json', (route) =>
      route.fulfill({ contentType: 'application/json', body: carrierDocument() }),
    );
    page = await context.newPage();
    page.on('request', (request) => {
      const url = new URL(request.url());
      if (request.method() === 'GET' && url.pathname.startsWith('/v1/')) reads.push(url);
    });
    await page.goto(`${api.url}/`);
    const lesson = (await (await fetch(`${api.url}/v1/lessons/${lessonId}`)).json()) as {
      grade?: { id: string };
    };
    await boxWithChild(page, api.url, lesson.grade?.id);
    deviceId = await page.evaluate(
      () => (JSON.parse(localStorage.getItem('ketang.household') ?? '{}') as { deviceId: string }).deviceId,
    );
  }, 400_000);

  afterAll(async () => {
    await browser?.close();
    await api?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('stores the model, carrier, seconds played and bitrate of a real playback, and rolls them up', async () => {
    await page.goto(`${api.url}/#/play/${lessonId}`);
    await waitForPlaying(page);
    await page.waitForTimeout(3_000);
    // Leaving the player sends the session's last quality event.
    await page.goto(`${api.url}/#/`);
    const [event] = await waitFor(
      'the stored playback event',
      async () =>
        (await api.stores.events.forDevice(deviceId)).filter((e: PlaybackEventRecord) => e.stats.playSeconds),
      (events) => events.length > 0,
      30_000,
    );
    expect(event).toMatchObject({ deviceModel: MODEL, carrier: CARRIER, region: 'jx', lessonId });
    expect(Number(event!.stats.playSeconds)).toBeGreaterThan(2);
    expect(Number(event!.stats.playSeconds)).toBeLessThan(60);
    expect(Number(event!.stats.bitrate)).toBeGreaterThan(50_000);

    await api.rollups.rollUpDay(event!.day!);
    const cells = await api.stores.dashboards.qoeBetween(event!.day!, event!.day!, { carrier: CARRIER });
    expect(cells).toHaveLength(1);
    expect(cells[0]).toMatchObject({ carrier: CARRIER, model: MODEL, region: 'jx', sessions: 1 });
    expect(cells[0]!.playSeconds).toBeGreaterThan(2);
    expect(cells[0]!.bitrateCount).toBe(1);
  }, 180_000);

  it('sends its carrier on channel reads (the Channels page) and not on lesson reads', async () => {
    // The lesson reads of the playback above, then the Channels page's reads.
    const lessonReads = reads.filter((url) => url.pathname.startsWith('/v1/lessons'));
    expect(lessonReads.length).toBeGreaterThan(0);
    expect(lessonReads.filter((url) => url.searchParams.has('carrier'))).toEqual([]);
    reads.length = 0;
    await page.goto(`${api.url}/#/channels`);
    await waitFor(
      'the Channels page reading channels',
      async () => reads.filter((url) => url.pathname === '/v1/channels').length,
      (count) => count > 0,
      30_000,
    );
    const channelReads = reads.filter((url) => url.pathname.startsWith('/v1/channels'));
    for (const url of channelReads) {
      expect(url.searchParams.get('carrier'), url.href).toBe(CARRIER);
      expect(url.searchParams.get('region'), url.href).toBe('jx');
    }
  }, 120_000);
});
