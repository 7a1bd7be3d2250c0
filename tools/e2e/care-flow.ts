/// <reference lib="dom" />
// (page.evaluate callbacks run in the browser)
// Remote steps of the parental care journey, shared by the fixture and the real-API suites.
import { PNG } from 'pngjs';
import type { Page } from 'playwright-core';
import { saveScreenshot } from './browser.ts';
import { FamilyClient } from './family-flow.ts';
import { focusedText, press, videoState, waitForFocus, waitForHash } from './remote.ts';

export const PIN = '2580';

/** Types digits with the remote's number keys. */
export async function typeDigits(page: Page, digits: string): Promise<void> {
  for (const digit of digits) await press(page, digit);
}

type Hooks = { careCard?: () => string; pinStatus?: () => string; isControlsShown?: () => boolean };

export function careCardShown(page: Page): Promise<string> {
  return page.evaluate(() => (window as unknown as { __ketang?: Hooks }).__ketang?.careCard?.() ?? 'none');
}

export function pinStatus(page: Page): Promise<string> {
  return page.evaluate(() =>
    ((window as unknown as { __ketang?: Hooks }).__ketang?.pinStatus?.() ?? '').replaceAll('\u200b', ''),
  );
}

export async function waitFor<T>(
  what: string,
  read: () => Promise<T>,
  matches: (value: T) => boolean,
  timeoutMs = 20_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let value = await read();
  while (!matches(value)) {
    if (Date.now() > deadline)
      throw new Error(`${what}: still ${JSON.stringify(value)} after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 150));
    value = await read();
  }
  return value;
}

/** The navigation bar's buttons before the profile button (tv-app NavBar). */
const NAV_BUTTONS = ['按课本找课', '频道', '搜索', 'English', '家长设置'];

/** From Home: Up to the navigation bar, Right to 家长设置, OK. */
export async function openSettingsFromHome(page: Page): Promise<void> {
  await waitForFocus(page, (text) => text.length > 0, 20_000);
  // Up past any rail above the focused one (a "continue watching" rail) to the navigation bar.
  for (let i = 0; i < 5 && !NAV_BUTTONS.includes(await focusedText(page)); i++) await press(page, 'ArrowUp');
  for (let i = 0; i < 6 && (await focusedText(page)) !== '家长设置'; i++) await press(page, 'ArrowRight');
  await waitForFocus(page, (text) => text === '家长设置');
  await press(page, 'Enter');
}

/** Waits until the video plays on (time moving, not paused). */
export async function waitForPlaying(page: Page): Promise<void> {
  const start = (await videoState(page)).currentTime;
  await waitFor(
    'video playing',
    () => videoState(page),
    (state) => !state.paused && state.currentTime > start + 0.5,
  );
}

/** Waits until the video is paused and settled (a resume seek may land first), then checks it stays there. */
export async function expectHeldPaused(page: Page, forMs = 1500): Promise<void> {
  await waitFor(
    'video paused',
    () => videoState(page),
    (state) => state.paused,
  );
  await page.waitForTimeout(1000);
  const before = await videoState(page);
  await page.waitForTimeout(forMs);
  const after = await videoState(page);
  if (!after.paused || Math.abs(after.currentTime - before.currentTime) > 0.1) {
    throw new Error(`playback moved while blocked: ${before.currentTime} → ${after.currentTime}`);
  }
}

/**
 * Waits until the player's controls have hidden behind the card (5 s without a key): the first key then must
 * still reach the card, not only bring the controls back.
 */
export async function waitForControlsHidden(page: Page): Promise<void> {
  const isShown = () =>
    page.evaluate(() => (window as unknown as { __ketang?: Hooks }).__ketang?.isControlsShown?.() ?? false);
  await waitFor('controls hidden', isShown, (shown) => !shown, 15_000);
}

/** Types a new PIN's first entry and waits for the confirm step (status cleared). */
export async function typeNewPin(page: Page, pin = PIN): Promise<void> {
  await typeDigits(page, pin);
  await waitFor(
    'confirm step',
    () => pinStatus(page),
    (s) => s === '',
  );
}

/**
 * Waits for a care card over the player with `button` focused and playback held paused, then saves a
 * screenshot of it as `screenshot`.
 */
export async function expectCareCard(
  page: Page,
  card: 'quota' | 'break' | 'bedtime',
  button: string,
  screenshot: string,
  timeoutMs = 30_000,
): Promise<void> {
  await waitFor(
    `${card} card`,
    () => careCardShown(page),
    (shown) => shown === card,
    timeoutMs,
  );
  await waitForFocus(page, (text) => text === button);
  await expectHeldPaused(page);
  await saveScreenshot(page, screenshot);
}

/** Types the PIN on the card's open PIN pad and waits for the card to go and the lesson to play on. */
export async function enterPinAndPlayOn(page: Page): Promise<void> {
  await typeDigits(page, PIN);
  await waitFor(
    'card gone',
    () => careCardShown(page),
    (card) => card === 'none',
  );
  await waitForPlaying(page);
}

/** From a card's focused button: OK opens the PIN pad; the PIN ends the card and the lesson plays on. */
export async function unlockCardWithPin(page: Page): Promise<void> {
  await press(page, 'Enter');
  await waitForFocus(page, (text) => text === '1');
  await enterPinAndPlayOn(page);
}

/** Opens Settings at `baseUrl`, types five wrong PINs and a sixth; returns the lock status (请 N 秒后再试). */
export async function lockPinInSettings(page: Page, baseUrl: string): Promise<string> {
  await page.goto(`${baseUrl}/#/settings`);
  await waitForFocus(page, (text) => text === '1');
  for (let i = 0; i < 5; i++) {
    await typeDigits(page, '0000');
    await waitFor(
      'wrong PIN',
      () => pinStatus(page),
      (s) => s.includes('密码不对') || s.includes('秒后再试'),
    );
  }
  await typeDigits(page, '0000');
  return waitFor(
    'locked',
    () => pinStatus(page),
    (s) => /请 \d+ 秒后再试/.test(s),
  );
}

/**
 * The box's first start, then a child made through the family API with the credential the app stored (the
 * tests under test here are parental care, not profile creation); the app is reloaded onto that child.
 */
export async function boxWithChild(
  page: Page,
  apiUrl: string,
  gradeId: string | undefined,
): Promise<{ family: FamilyClient; profileId: string }> {
  await waitForHash(page, /^#\/profiles/, 30_000);
  const token = await page.evaluate(
    () => (JSON.parse(localStorage.getItem('ketang.household') ?? '{}') as { token: string }).token,
  );
  const family = new FamilyClient(apiUrl, token);
  const child = await family.call<{ id: string }>(
    'POST',
    '/v1/household/profiles',
    { kind: 'child', name: '小明', avatar: 'panda', ...(gradeId ? { gradeId } : {}) },
    201,
  );
  await page.goto(`${apiUrl}/`);
  await page.reload();
  return { family, profileId: child.id };
}

/** First visit to Settings from Home: the PIN set (twice), then a 30-minute daily quota for the first child, saved. */
export async function saveQuotaInSettings(page: Page): Promise<void> {
  await openSettingsFromHome(page);
  await waitForFocus(page, (text) => text === '1');
  await typeNewPin(page);
  await typeDigits(page, PIN);
  await waitForFocus(page, (text) => text === '每日观看', 20_000);
  await press(page, 'ArrowRight'); // no limit → 30 minutes
  await press(page, 'ArrowDown', 4);
  await waitForFocus(page, (text) => text === '保存');
  await press(page, 'Enter');
}

/** The break card's countdown band (tv-app Countdown: y = SPACE.xl + 88, 1.4 × 120 px high), centred part. */
const COUNTDOWN_BAND = { x: 660, y: 152, width: 600, height: 168 };

export type CountdownSample = { text: string; textureState: string; litPixels: number };

/**
 * The break card's countdown as the renderer holds it (the characters on top and their canvas textures' state)
 * and as the screen shows it (pixels of the countdown's yellow, COLOR.focus, in its band).
 */
export async function countdownSample(page: Page): Promise<CountdownSample> {
  const node = await page.evaluate(() => {
    type Node = {
      text?: string;
      x: number;
      zIndex: number;
      parent: Node | null;
      children: Node[];
      trState?: { textureNode?: { texture?: { state: string } } };
    };
    const root = (window as unknown as { __ketang: { renderer: { root: Node } } }).__ketang.renderer.root;
    // tv-app Countdown: per place of "m:ss" a stack of cells with one fixed character each; the cell on top
    // (zIndex 2) is the one seen. Its place's x orders them.
    const shown: Node[] = [];
    const visit = (at: Node) => {
      if (/^[0-9:]$/.test(at.text ?? '') && at.parent?.zIndex === 2) shown.push(at);
      at.children.forEach(visit);
    };
    visit(root);
    shown.sort((a, b) => (a.parent?.parent?.x ?? 0) - (b.parent?.parent?.x ?? 0));
    const states = shown.map((glyph) => glyph.trState?.textureNode?.texture?.state ?? 'none');
    return {
      text: shown.map((glyph) => glyph.text).join(''),
      textureState: states.find((state) => state !== 'loaded') ?? (states.length ? 'loaded' : 'none'),
    };
  });
  const png = PNG.sync.read(await page.screenshot({ clip: COUNTDOWN_BAND }));
  let litPixels = 0;
  for (let i = 0; i < png.data.length; i += 4) {
    const [r, g, b] = [png.data[i]!, png.data[i + 1]!, png.data[i + 2]!];
    if (r > 220 && g > 170 && g < 240 && b < 120) litPixels++;
  }
  return { ...node, litPixels };
}

/** Samples the countdown once a second for `ticks` seconds. */
export async function sampleCountdown(page: Page, ticks: number): Promise<CountdownSample[]> {
  const samples: CountdownSample[] = [];
  for (let i = 0; i < ticks; i++) {
    samples.push(await countdownSample(page));
    await page.waitForTimeout(1000);
  }
  return samples;
}
