/// <reference lib="dom" />
// (page.evaluate callbacks run in the browser)
// The remote-only journey both end-to-end suites walk: cold start → lesson → play → seek →
// captions → back, with focus where it was, and a screenshot of every screen.
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { saveScreenshot } from './browser.ts';
import { focusedText, press, videoState, waitForFocus, waitForHash } from './remote.ts';

const PLAY = '播放';
const BACK_BUTTON = '返回';
const MAX_TILES_TRIED = 8;

async function waitForPlayback(page: Page, timeoutMs = 20_000): Promise<'playing' | 'refused'> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if ((await videoState(page)).currentTime > 0.3) return 'playing';
    if ((await focusedText(page)) === BACK_BUTTON) return 'refused';
    await page.waitForTimeout(200);
  }
  throw new Error(`no playback and no message within ${timeoutMs} ms`);
}

/** From Home, opens tiles left to right (from `start`) until one plays. Returns the tile's title. */
export async function reachAndPlayLesson(
  page: Page,
  prefix: string,
  start = { down: 0, right: 0 },
): Promise<string> {
  const homeTile = await waitForFocus(page, (text) => text.length > 0, 20_000);
  await saveScreenshot(page, `${prefix}home`);
  // Walk to the first tile the API marks playable, as a person would: Down to its rail, Right to it.
  await press(page, 'ArrowDown', start.down);
  await press(page, 'ArrowRight', start.right);
  for (let tried = 0; tried < MAX_TILES_TRIED; tried++) {
    const tile = await focusedText(page);
    await press(page, 'Enter');
    await waitForHash(page, /^#\/lesson\//);
    await waitForFocus(page, (text) => text === PLAY);
    if (tried === 0) await saveScreenshot(page, `${prefix}lesson`);
    await press(page, 'Enter');
    await waitForHash(page, /^#\/play\//);
    if ((await waitForPlayback(page)) === 'playing') return tile;
    await saveScreenshot(page, `${prefix}lesson-not-playable`);
    await press(page, 'Escape');
    await waitForFocus(page, (text) => text === PLAY);
    await press(page, 'Escape');
    await waitForFocus(page, (text) => text === tile);
    await press(page, 'ArrowRight');
  }
  throw new Error(`none of the first ${MAX_TILES_TRIED} tiles after "${homeTile}" played`);
}

export async function checkPlayerControls(page: Page, prefix: string): Promise<void> {
  const start = await videoState(page);
  await page.waitForTimeout(1500);
  const later = await videoState(page);
  expect(later.currentTime).toBeGreaterThan(start.currentTime);
  // Chromium here decodes AV1 and H.264, not HEVC: the pinned family must be one of the two.
  expect(['av1', 'h264']).toContain(later.codecFamily);
  await saveScreenshot(page, `${prefix}player`);

  await waitForFocus(page, (text) => text === '暂停');
  await press(page, 'ArrowRight', 2);
  await waitForFocus(page, (text) => text === '前进 10 秒');
  const beforeSeek = (await videoState(page)).currentTime;
  await press(page, 'Enter');
  await page.waitForTimeout(500);
  const afterSeek = await videoState(page);
  const duration = await page.evaluate(
    () => (document.getElementById('ketang-video') as HTMLVideoElement).duration,
  );
  expect(afterSeek.currentTime).toBeGreaterThanOrEqual(Math.min(beforeSeek + 8, duration - 1));

  await press(page, 'ArrowRight');
  await waitForFocus(page, (text) => text.startsWith('字幕'));
  const languages = await page.evaluate(() =>
    (
      window as unknown as { __ketang: { player: { captionLanguages(): string[] } } }
    ).__ketang.player.captionLanguages(),
  );
  await press(page, 'Enter');
  if (languages.length > 0) {
    await waitForFocus(page, (text) => text.startsWith('字幕：') && text !== '字幕：关');
    expect((await videoState(page)).captions).toBe(languages[0]);
  }
  await press(page, 'i');
  await page.waitForTimeout(400);
  await saveScreenshot(page, `${prefix}player-info`);
  await press(page, 'i');
}

/** Back, Back: the lesson page with Play focused, then Home on the very tile we left. */
export async function goBackHome(page: Page, tile: string): Promise<void> {
  await press(page, 'Escape');
  await waitForHash(page, /^#\/lesson\//);
  await waitForFocus(page, (text) => text === PLAY);
  await press(page, 'Escape');
  await waitForHash(page, /^#\/$/);
  await waitForFocus(page, (text) => text === tile);
  expect(await videoState(page)).toMatchObject({ paused: true });
}

/** Presses `key` until the focused text is `target` (bounded), as a person would on the keyboard grid. */
async function moveTo(page: Page, key: string, target: string, maxPresses = 8): Promise<void> {
  for (let i = 0; i < maxPresses && (await focusedText(page)) !== target; i++) await press(page, key);
  await waitForFocus(page, (text) => text === target);
}

/** Types "sx" (数学 by its pinyin initials) on the on-screen keyboard, which opens on "a". */
async function typeSx(page: Page): Promise<void> {
  await moveTo(page, 'ArrowDown', 'o');
  await moveTo(page, 'ArrowRight', 's');
  await press(page, 'Enter');
  await press(page, 'ArrowDown');
  await moveTo(page, 'ArrowLeft', 'v');
  await moveTo(page, 'ArrowRight', 'x');
  await press(page, 'Enter');
  await page.waitForTimeout(1000);
}

/** Browse, Channels and Search reached from Home's navigation bar, each photographed. */
export async function visitOtherScreens(page: Page, prefix: string): Promise<void> {
  const screens: [string, number, RegExp][] = [
    ['browse', 0, /^#\/browse/],
    ['channels', 1, /^#\/channels/],
    ['search', 2, /^#\/search/],
  ];
  for (const [name, index, hash] of screens) {
    await press(page, 'ArrowUp');
    await waitForFocus(page, (text) => text === '按课本找课');
    await press(page, 'ArrowRight', index);
    await press(page, 'Enter');
    await waitForHash(page, hash);
    await page.waitForTimeout(1200);
    if (name === 'search') await typeSx(page);
    await saveScreenshot(page, `${prefix}${name}`);
    await press(page, 'Escape');
    await waitForHash(page, /^#\/$/);
    await waitForFocus(page, (text) => text.length > 0);
  }
}
