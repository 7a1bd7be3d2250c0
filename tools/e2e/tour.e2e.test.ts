// What a new family sees on the tour, in Chromium by keys: a long "needs a licence" message laid out line
// under line, a lesson that cannot play offering one that does instead of Play (fixture server), and Browse
// fitting 小学（五•四学制） in its stage column (the real content API with the demo catalogue).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, openTv, saveScreenshot } from './browser.ts';
import { buildTvApp } from './build-app.ts';
import { startContentApi, type RunningApi } from './content-api-server.ts';
import { startFixtureServer, type FixtureServer } from './fixture-server.ts';
import { drawnWidth, textBox, textBoxes, type TextBox } from './layout.ts';
import { press, waitForFocus, waitForHash } from './remote.ts';

const REPO = path.resolve(import.meta.dirname, '../..');
const readJson = (relative: string) => JSON.parse(readFileSync(path.join(REPO, relative), 'utf8'));
/** The API's own words for a lesson whose video needs a licence: long enough to wrap. */
const LICENCE_MESSAGE = readJson('content-api/src/messages/unplayable-reasons.json')['licence-required'];
const TITLE_FONT = 44; // tv-app theme FONT.title
const BODY_FONT = 30; // tv-app theme FONT.body

const bottomOf = (box: TextBox) => box.y + box.height;

describe('the tour against the fixture server', () => {
  let server: FixtureServer;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    await buildTvApp();
    server = await startFixtureServer();
    browser = await launchChromium();
    page = await openTv(browser, `${server.url}/`);
    // A lesson whose video needs a licence, as the content API describes it.
    const lesson = readJson('tv-app/test/fixtures/lesson-unplayable.json');
    await page.route('**/v1/lessons/l-licence*', (route) =>
      route.fulfill({
        contentType: 'application/json',
        body: JSON.stringify({
          ...lesson,
          id: 'l-licence',
          playability: { playable: false, reason: { code: 'licence-required', message: LICENCE_MESSAGE } },
        }),
      }),
    );
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('lays out a message that wraps line under line: title, then lesson, then Back', async () => {
    await page.goto(`${server.url}/#/play/l-licence`);
    await waitForFocus(page, (text) => text === '返回', 15_000);
    await page.waitForTimeout(300);
    const title = await textBox(page, LICENCE_MESSAGE.zh);
    const detail = await textBox(page, '天地人');
    const back = await textBox(page, '返回');
    expect(title.height).toBeGreaterThan(TITLE_FONT * 1.5); // it does wrap onto a second line
    expect(bottomOf(title)).toBeLessThanOrEqual(detail.y);
    expect(bottomOf(detail)).toBeLessThanOrEqual(back.y);
    await saveScreenshot(page, 'tour-message-licence');
  }, 30_000);

  it('offers a related lesson that plays, and no Play, on a lesson that cannot play', async () => {
    await page.goto(`${server.url}/#/lesson/l-licence`);
    // Focus lands on the offer (the message's Back before it is the page being left).
    await waitForFocus(page, (text) => text === '改看《日月水火》', 15_000);
    await page.waitForTimeout(300);
    const texts = (await textBoxes(page)).map((box) => box.text);
    expect(texts).not.toContain('播放');
    const reason = await textBox(page, LICENCE_MESSAGE.zh);
    expect(bottomOf(reason)).toBeLessThanOrEqual((await textBox(page, '改看《日月水火》')).y);
    await saveScreenshot(page, 'tour-lesson-not-playable');
    await press(page, 'Enter');
    expect(await waitForHash(page, /^#\/play\//)).toBe('#/play/l-chinese-4');
  }, 30_000);
});

describe('Browse on the demo catalogue', () => {
  let api: RunningApi;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    await buildTvApp();
    api = await startContentApi();
    browser = await launchChromium();
    page = await openTv(browser, `${api.url}/#/browse`);
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await api?.stop();
  });

  it('fits the longest stage name, 小学（五•四学制）, inside its button', async () => {
    const stage = '小学（五•四学制）';
    await waitForFocus(page, (text) => text === '小学', 20_000);
    for (let i = 0; i < 4 && (await waitForFocus(page, () => true)) !== stage; i++)
      await press(page, 'ArrowDown');
    await waitForFocus(page, (text) => text === stage);
    await page.waitForTimeout(500);
    const label = await textBox(page, stage);
    expect(await drawnWidth(page, stage, BODY_FONT)).toBeLessThanOrEqual(label.width);
    await saveScreenshot(page, 'tour-browse-five-four');
  }, 60_000);
});
