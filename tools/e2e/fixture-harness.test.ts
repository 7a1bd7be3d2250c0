// The same journey against the fixture server and a tiny packaged lesson made here with ffmpeg and
// Shaka Packager: proves the harness and the app while the content API is being built.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, openTv, saveScreenshot } from './browser.ts';
import { buildTvApp } from './build-app.ts';
import { startFixtureServer, type FixtureServer } from './fixture-server.ts';
import { makeTestMedia, TEST_MEDIA_DIR } from './make-test-media.ts';
import { press, waitForFocus } from './remote.ts';
import { checkPlayerControls, goBackHome, reachAndPlayLesson, visitOtherScreens } from './tv-flow.ts';

describe('TV app against the fixture server', () => {
  let server: FixtureServer;
  let browser: Browser;
  let page: Page;
  let isApiDown = false;

  beforeAll(async () => {
    await buildTvApp();
    const mediaDir = TEST_MEDIA_DIR;
    makeTestMedia(mediaDir);
    server = await startFixtureServer({ mediaDir, isApiDown: () => isApiDown });
    browser = await launchChromium();
    page = await openTv(browser, `${server.url}/`);
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('plays a lesson reached by keys, seeks, shows captions, reports stats and comes back', async () => {
    const tile = await reachAndPlayLesson(page, 'fixture-');
    await checkPlayerControls(page, 'fixture-');
    await goBackHome(page, tile);
    expect(server.events).toContainEqual(expect.objectContaining({ kind: 'playback' }));
    // Leaving the player by Back sent the profile's last heartbeat of the lesson.
    expect(server.heartbeats).toContainEqual(
      expect.objectContaining({ profileId: 'p-fixture', reason: 'back', lessonId: expect.any(String) }),
    );
  }, 120_000);

  it('shows the API reason for a lesson that cannot play', async () => {
    await page.goto(`${server.url}/#/play/l-chinese-1`);
    await waitForFocus(page, (text) => text === '返回', 15_000);
    await saveScreenshot(page, 'fixture-not-playable');
  }, 30_000);

  it('visits Browse, Channels and Search', async () => {
    await page.goto(`${server.url}/`);
    await waitForFocus(page, (text) => text.length > 0, 15_000);
    await visitOtherScreens(page, 'fixture-');
  }, 90_000);

  it('offers Retry when the API is down, and recovers', async () => {
    isApiDown = true;
    await page.reload();
    await waitForFocus(page, (text) => text === '重试', 20_000);
    await saveScreenshot(page, 'fixture-api-unreachable');
    isApiDown = false;
    await press(page, 'Enter');
    await waitForFocus(page, (text) => text.length > 0 && text !== '重试', 15_000);
  }, 60_000);
});
