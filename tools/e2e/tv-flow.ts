/// <reference lib="dom" />
// (page.evaluate callbacks run in the browser)
// The remote-only journey both end-to-end suites walk: cold start → lesson → play → seek →
// captions → back, with focus where it was, and a screenshot of every screen.
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { saveScreenshot } from './browser.ts';
import { focusedText, press, videoState, waitForFocus, waitForHash } from './remote.ts';

/** The lesson page's first button: 播放, or 继续播放 m:ss on a lesson left part-way (tv-app lesson.resume). */
const isPlay = (text: string) => text === '播放' || text.startsWith('继续播放 ');
const BACK_BUTTON = '返回';
const MAX_TILES_TRIED = 8;
/** What the lesson page offers instead of Play on a lesson that cannot play (tv-app lesson.playInstead). */
const isInsteadOfPlay = (text: string) => text.startsWith('改看') || text === BACK_BUTTON;
const CONTROLS_HIDE_MS = 5000; // tv-app/src/player/use-controls-visibility.ts

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
    // A lesson that cannot play offers another lesson (or Back) instead of Play.
    const action = await waitForFocus(page, (text) => isPlay(text) || isInsteadOfPlay(text));
    if (tried === 0) await saveScreenshot(page, `${prefix}lesson`);
    if (!isPlay(action)) {
      await saveScreenshot(page, `${prefix}lesson-not-playable`);
      await press(page, 'Escape');
      await waitForFocus(page, (text) => text === tile);
      await press(page, 'ArrowRight');
      continue;
    }
    await press(page, 'Enter');
    await waitForHash(page, /^#\/play\//);
    if ((await waitForPlayback(page)) === 'playing') return tile;
    await saveScreenshot(page, `${prefix}lesson-not-playable`);
    await press(page, 'Escape');
    await waitForFocus(page, isPlay);
    await press(page, 'Escape');
    await waitForFocus(page, (text) => text === tile);
    await press(page, 'ArrowRight');
  }
  throw new Error(`none of the first ${MAX_TILES_TRIED} tiles after "${homeTile}" played`);
}

function isControlsShown(page: Page): Promise<boolean> {
  return page.evaluate(() =>
    (window as unknown as { __ketang: { isControlsShown: () => boolean } }).__ketang.isControlsShown(),
  );
}

/** Controls hide after a few seconds without a key; the first arrow only brings them back. */
async function showControls(page: Page): Promise<void> {
  if (!(await isControlsShown(page))) await press(page, 'ArrowDown');
  expect(await isControlsShown(page)).toBe(true);
}

/**
 * Waits (up to 10 s) until caption cues are on screen and every one sits as expected (WebVTT `line`: a
 * negative number lifts it above the controls, 'auto' leaves it where the file put it).
 */
async function expectCaptionsAt(page: Page, where: 'lifted' | 'auto'): Promise<void> {
  const lines = await page.evaluate(async (expected) => {
    const onScreen = () =>
      Array.from((document.getElementById('ketang-video') as HTMLVideoElement).textTracks)
        .filter((track) => track.mode === 'showing')
        .flatMap((track) => Array.from(track.activeCues ?? []).map((cue) => (cue as VTTCue).line));
    const isThere = (line: number | string) =>
      expected === 'auto' ? line === 'auto' : typeof line === 'number' && line < 0;
    const deadline = performance.now() + 10_000;
    while (performance.now() < deadline) {
      const now = onScreen();
      if (now.length > 0 && now.every(isThere)) return now;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    return onScreen();
  }, where);
  expect(lines.length, 'a caption cue on screen').toBeGreaterThan(0);
  expect(
    lines.every((line) => (where === 'auto' ? line === 'auto' : typeof line === 'number' && line < 0)),
  ).toBe(true);
}

async function focusButton(page: Page, label: (text: string) => boolean, key: string): Promise<string> {
  await showControls(page);
  for (let i = 0; i < 8 && !label(await focusedText(page)); i++) await press(page, key);
  return waitForFocus(page, label);
}

/** Presses the focused seek button and checks where playback went. */
async function seekWith(page: Page, button: string, seconds: number): Promise<void> {
  await focusButton(page, (text) => text === button, seconds > 0 ? 'ArrowRight' : 'ArrowLeft');
  const before = (await videoState(page)).currentTime;
  await press(page, 'Enter');
  await page.waitForTimeout(500);
  const after = (await videoState(page)).currentTime;
  const duration = await page.evaluate(
    () => (document.getElementById('ketang-video') as HTMLVideoElement).duration,
  );
  if (seconds > 0) expect(after).toBeGreaterThanOrEqual(Math.min(before + seconds - 2, duration - 1));
  else expect(after).toBeLessThanOrEqual(Math.max(before + seconds + 2, 1.5));
}

/** Captions on; above the controls while they show, where the file put them once the controls hide. */
async function checkCaptions(page: Page, prefix: string): Promise<void> {
  await focusButton(page, (text) => text.startsWith('字幕'), 'ArrowRight');
  const languages = await page.evaluate(() =>
    (
      window as unknown as { __ketang: { player: { captionLanguages(): string[] } } }
    ).__ketang.player.captionLanguages(),
  );
  expect(languages.length).toBeGreaterThan(0);
  await press(page, 'Enter');
  await waitForFocus(page, (text) => text.startsWith('字幕：') && text !== '字幕：关');
  expect((await videoState(page)).captions).toBe(languages[0]);
  await expectCaptionsAt(page, 'lifted');
  await page.waitForTimeout(CONTROLS_HIDE_MS + 500);
  expect(await isControlsShown(page)).toBe(false);
  await expectCaptionsAt(page, 'auto');
  await saveScreenshot(page, `${prefix}player-captions`);
  await showControls(page);
  expect(await focusedText(page)).toMatch(/^字幕：/);
}

/** Playing, in AV1 or H.264; captions; seek back and forward; the info overlay. */
export async function checkPlayerControls(page: Page, prefix: string): Promise<void> {
  const start = await videoState(page);
  await page.waitForTimeout(1500);
  const later = await videoState(page);
  expect(later.currentTime).toBeGreaterThan(start.currentTime);
  // Chromium here decodes AV1 and H.264, not HEVC: the pinned family must be one of the two.
  expect(['av1', 'h264']).toContain(later.codecFamily);
  await saveScreenshot(page, `${prefix}player`);
  await waitForFocus(page, (text) => text === '暂停');
  await checkCaptions(page, prefix);
  await seekWith(page, '后退 10 秒', -10);
  await seekWith(page, '前进 10 秒', 10);
  await press(page, 'i');
  await page.waitForTimeout(400);
  await saveScreenshot(page, `${prefix}player-info`);
  await press(page, 'i');
}

/** Back, Back: the lesson page with Play focused, then Home on the very tile we left. */
export async function goBackHome(page: Page, tile: string): Promise<void> {
  await press(page, 'Escape');
  await waitForHash(page, /^#\/lesson\//);
  await waitForFocus(page, isPlay);
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

const NAV_FIRST = '按课本找课';
const NAV_SCREENS = { browse: 0, channels: 1, search: 2 } as const;

/** From Home, Up to the navigation bar (past a "continue watching" rail, if any), then to a screen. */
export async function openFromNavBar(page: Page, screen: keyof typeof NAV_SCREENS): Promise<void> {
  await moveTo(page, 'ArrowUp', NAV_FIRST, 4);
  await press(page, 'ArrowRight', NAV_SCREENS[screen]);
  await press(page, 'Enter');
  await waitForHash(page, new RegExp(`^#/${screen}`));
}

/** Back to Home, with a tile or the navigation bar focused (never nothing). */
export async function backToHome(page: Page): Promise<void> {
  await press(page, 'Escape');
  await waitForHash(page, /^#\/$/);
  await waitForFocus(page, (text) => text.length > 0);
}

/** Browse: stage, grade, … columns, photographed. Returns what has focus (the first stage). */
export async function visitBrowse(page: Page, prefix: string): Promise<string> {
  await openFromNavBar(page, 'browse');
  const focused = await waitForFocus(page, (text) => text.length > 0);
  await page.waitForTimeout(800);
  await saveScreenshot(page, `${prefix}browse`);
  await backToHome(page);
  return focused;
}

export type TuneIn = { lessonId: string; startSeconds: number; outcome: 'playing' | 'refused' };

/** Channels: OK on the first channel tunes in; returns where the player was asked to start. */
export async function tuneInFirstChannel(page: Page, prefix: string): Promise<TuneIn> {
  await openFromNavBar(page, 'channels');
  await waitForFocus(page, (text) => text.length > 0);
  await page.waitForTimeout(800);
  await saveScreenshot(page, `${prefix}channels`);
  await press(page, 'Enter');
  const hash = await waitForHash(page, /^#\/play\/[^?]+\?t=\d+/);
  const [, lessonId, start] = /^#\/play\/([^?]+)\?t=(\d+)/.exec(hash)!;
  const outcome = await waitForPlayback(page);
  await saveScreenshot(page, `${prefix}channel-tuned`);
  await press(page, 'Escape');
  await waitForHash(page, /^#\/channels/);
  await waitForFocus(page, (text) => text.length > 0);
  await backToHome(page);
  return { lessonId: decodeURIComponent(lessonId!), startSeconds: Number(start), outcome };
}

/** Search: types "sx", photographs, then Right into the results; returns the first result row's text. */
export async function searchSx(page: Page, prefix: string): Promise<string> {
  await openFromNavBar(page, 'search');
  await waitForFocus(page, (text) => text === 'a');
  await typeSx(page);
  await saveScreenshot(page, `${prefix}search`);
  // Right along the keyboard's row, then into the results (keys are one character long).
  for (let i = 0; i < 6 && (await focusedText(page)).length <= 1; i++) await press(page, 'ArrowRight');
  const result = await waitForFocus(page, (text) => text.length > 1);
  await backToHome(page);
  return result;
}

/** Browse, Channels and Search reached from Home's navigation bar, each photographed. */
export async function visitOtherScreens(page: Page, prefix: string): Promise<void> {
  await visitBrowse(page, prefix);
  await tuneInFirstChannel(page, prefix);
  await searchSx(page, prefix);
}
