// OK to the first video frame, for a 1080p H.264 lesson served from loopback: the lesson page preloads
// on focus of Play, so this is what a person waits for after pressing OK.
import type { Browser } from 'playwright-core';
import { VIEWPORT } from '../../e2e/browser.ts';
import { focusedText, videoState, waitForFocus, waitForHash } from '../../e2e/remote.ts';
import { armFirstFrameTimer, KEEP_NAMES_SHIM, readFirstFrameMs } from './page-probes.ts';

export type FirstFrameFigures = { ms: number[]; height: number | undefined; codecFamily: string | undefined };

const PLAY = '播放';
const PRELOAD_SETTLE_MS = 1500;

export async function measureFirstFrame(
  browser: Browser,
  appUrl: string,
  runs = 3,
): Promise<FirstFrameFigures> {
  const context = await browser.newContext({ viewport: VIEWPORT });
  await context.addInitScript(KEEP_NAMES_SHIM);
  const page = await context.newPage();
  const ms: number[] = [];
  let state: Awaited<ReturnType<typeof videoState>> | undefined;
  await page.goto(`${appUrl}/#/lesson/l-bench-0-0`);
  for (let i = 0; i < runs; i++) {
    await waitForFocus(page, (text) => text === PLAY, 20_000);
    await page.waitForTimeout(PRELOAD_SETTLE_MS);
    await armFirstFrameTimer(page);
    await page.keyboard.press('Enter');
    ms.push(await readFirstFrameMs(page));
    await page.waitForTimeout(1000);
    state = await videoState(page);
    await page.keyboard.press('Escape');
    await waitForHash(page, /^#\/lesson\//);
    if ((await focusedText(page)) !== PLAY) await waitForFocus(page, (text) => text === PLAY);
  }
  await context.close();
  return { ms, height: state?.height, codecFamily: state?.codecFamily };
}
