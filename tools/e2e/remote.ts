/// <reference lib="dom" />
// (page.evaluate callbacks run in the browser)
// A remote control for tests: press a key, then wait until focus shows what we expect.
import type { Page } from 'playwright-core';

const KEY_GAP_MS = 200; // above the app's key repeat throttle, so every press counts

export function focusedText(page: Page): Promise<string> {
  return page.evaluate(() => {
    const hooks = (window as unknown as { __ketang?: { focusedText?: () => string } }).__ketang;
    return hooks?.focusedText?.() ?? '';
  });
}

export async function press(page: Page, key: string, times = 1): Promise<void> {
  for (let i = 0; i < times; i++) {
    await page.keyboard.press(key);
    await page.waitForTimeout(KEY_GAP_MS);
  }
}

export async function waitForFocus(
  page: Page,
  matches: (text: string) => boolean,
  timeoutMs = 10_000,
): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  let text = '';
  while (Date.now() < deadline) {
    text = await focusedText(page);
    if (matches(text)) return text;
    await page.waitForTimeout(100);
  }
  throw new Error(`focus never matched within ${timeoutMs} ms; focused text was "${text}"`);
}

export function currentHash(page: Page): Promise<string> {
  return page.evaluate(() => window.location.hash);
}

export async function waitForHash(page: Page, pattern: RegExp, timeoutMs = 10_000): Promise<string> {
  await page.waitForFunction((source) => new RegExp(source).test(window.location.hash), pattern.source, {
    timeout: timeoutMs,
  });
  return currentHash(page);
}

export type VideoState = {
  currentTime: number;
  paused: boolean;
  codecFamily?: string;
  height?: number;
  captions?: string;
};

export function videoState(page: Page): Promise<VideoState> {
  return page.evaluate(() => {
    const video = document.getElementById('ketang-video') as HTMLVideoElement;
    type Player = {
      activeVariant(): { codecFamily?: string; height: number } | undefined;
      activeCaptionLanguage(): string | undefined;
    };
    const player = (window as unknown as { __ketang?: { player?: Player } }).__ketang?.player;
    const variant = player?.activeVariant();
    return {
      currentTime: video.currentTime,
      paused: video.paused,
      codecFamily: variant?.codecFamily,
      height: variant?.height,
      captions: player?.activeCaptionLanguage(),
    };
  });
}
