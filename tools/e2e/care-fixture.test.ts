// The parental care screens against the fixture server and its family stand-in (family-stand-in.ts), by
// keys only: set the PIN, set a quota, the quota card and +15 min, the break card, bedtime, a locked PIN.
// Screenshots of each go to .cache/screenshots/care-*.png.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, openTv, saveScreenshot } from './browser.ts';
import { buildTvApp } from './build-app.ts';
import {
  enterPinAndPlayOn,
  expectCareCard,
  expectHeldPaused,
  lockPinInSettings,
  openSettingsFromHome,
  PIN,
  pinStatus,
  typeDigits,
  typeNewPin,
  unlockCardWithPin,
  waitFor,
  waitForControlsHidden,
} from './care-flow.ts';
import { baseUsage, createFamilyStandIn, type FamilyStandIn } from './family-stand-in.ts';
import { startFixtureServer, type FixtureServer } from './fixture-server.ts';
import { makeTestMedia, TEST_MEDIA_DIR } from './make-test-media.ts';
import { press, waitForFocus } from './remote.ts';

describe('TV parental care against the fixture server', () => {
  let server: FixtureServer;
  let family: FamilyStandIn;
  let browser: Browser;
  let page: Page;
  /** The household fixture's child. */
  let CHILD: string;

  beforeAll(async () => {
    await buildTvApp();
    makeTestMedia(TEST_MEDIA_DIR);
    family = createFamilyStandIn();
    CHILD = String(family.household.profiles[0]?.id);
    server = await startFixtureServer({ mediaDir: TEST_MEDIA_DIR, family });
    browser = await launchChromium();
    page = await openTv(browser, `${server.url}/`);
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const play = async (lessonId: string) => {
    await page.goto(`${server.url}/#/play/${lessonId}`);
  };

  it('sets the PIN (twice) on the first visit, then a child quota saved with it', async () => {
    await openSettingsFromHome(page);
    await waitForFocus(page, (text) => text === '1');
    await saveScreenshot(page, 'care-pin-new');
    await typeNewPin(page);
    await typeDigits(page, '2581');
    await waitFor(
      'mismatch',
      () => pinStatus(page),
      (s) => s.includes('不一致'),
    );
    await saveScreenshot(page, 'care-pin-mismatch');
    await typeDigits(page, PIN);
    await typeDigits(page, PIN);
    await waitForFocus(page, (text) => text === '每日观看');
    expect(family.household.pinSet).toBe(true);
    await press(page, 'ArrowRight', 3); // off → 30 → 45 → 60 minutes
    await press(page, 'ArrowDown');
    await waitForFocus(page, (text) => text === '护眼休息');
    await press(page, 'ArrowRight'); // every 20 → 25 minutes
    await press(page, 'ArrowDown', 2);
    await waitForFocus(page, (text) => text === '可看内容');
    await press(page, 'Enter'); // the allow-list: tick the first subject, Back
    await waitForFocus(page, (text) => text === '全部允许');
    await press(page, 'ArrowDown');
    await waitForFocus(page, (text) => text === '数学');
    await press(page, 'Enter');
    await saveScreenshot(page, 'care-allow-list');
    await press(page, 'Escape');
    await waitForFocus(page, (text) => text === '可看内容');
    await press(page, 'ArrowDown');
    await waitForFocus(page, (text) => text === '保存');
    await press(page, 'Enter');
    const child = family.household.profiles.find((p) => p.id === CHILD)!;
    await waitFor(
      'saved controls',
      async () => child.controls,
      (c) => (c as { dailyQuotaMinutes: number }).dailyQuotaMinutes === 60,
    );
    expect(child.controls).toMatchObject({
      dailyQuotaMinutes: 60,
      breakEveryMinutes: 25,
      allowList: { subjectIds: ['math'], sectionIds: [] },
    });
    await press(page, 'ArrowUp', 4);
    await saveScreenshot(page, 'care-settings');
  }, 120_000);

  it('blocks playback when the quota runs out, and a parent adds 15 minutes with the PIN', async () => {
    family.usage = baseUsage(CHILD, { usedSeconds: 3592, quotaSeconds: 3600, remainingSeconds: 8 });
    await play('l-math-1');
    await expectCareCard(page, 'quota', '再看 15 分钟', 'care-quota');
    await waitForControlsHidden(page);
    await press(page, 'Space'); // the play key does not get past the card
    await expectHeldPaused(page, 500);
    await press(page, 'Enter');
    await waitForFocus(page, (text) => text === '1');
    await typeDigits(page, '1111');
    await waitFor(
      'wrong PIN',
      () => pinStatus(page),
      (s) => s.includes('密码不对'),
    );
    await saveScreenshot(page, 'care-pin-wrong');
    await enterPinAndPlayOn(page);
  }, 90_000);

  it('holds playback for an eye-rest break with the exercise, until the PIN ends it', async () => {
    const ends = new Date(Date.now() + 5 * 60_000).toISOString();
    family.usage = baseUsage(CHILD, { breakEndsAt: ends, breakDue: true, allowed: false });
    await play('l-math-2');
    await expectCareCard(page, 'break', '家长解锁', 'care-break');
    await page.waitForTimeout(1200);
    await saveScreenshot(page, 'care-break-later');
    await unlockCardWithPin(page);
  }, 90_000);

  it('shows the bedtime card and keeps the lesson paused', async () => {
    family.usage = baseUsage(CHILD, { bedtime: true, allowed: false });
    await play('l-math-3');
    await expectCareCard(page, 'bedtime', '返回', 'care-bedtime');
    family.usage = baseUsage(CHILD);
  }, 60_000);

  it('locks the PIN after five wrong tries and shows the wait', async () => {
    const status = await lockPinInSettings(page, server.url);
    expect(Number(/(\d+)/.exec(status)?.[1])).toBeGreaterThan(50);
    await saveScreenshot(page, 'care-pin-locked');
  }, 60_000);
});
