// The QR code of the parent's phone page on the TV, against the REAL content API, in Chromium at 1920×1080:
// keys only from Home to Settings (the PIN set twice) to "用手机管理"; the screenshot's QR code, decoded with a
// pure-JS decoder (jsqr + pngjs), must be a phone link (`…/family/#t=…`), and that link opened at 390×844 must
// show the phone page, not the rescan screen. The chosen child's tab keeps its colour while the entry has focus;
// with the PIN set, adding a profile asks for it first.
import { existsSync, readFileSync } from 'node:fs';
import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, openTv, saveScreenshot } from './browser.ts';
import { buildTvApp, buildWebPages } from './build-app.ts';
import { boxWithChild, openSettingsFromHome, PIN, pinStatus, typeDigits, waitFor } from './care-flow.ts';
import { SERVER_ENTRY, startContentApi, type RunningApi } from './content-api-server.ts';
import { lessonsOfSubjects, type FamilyClient } from './family-flow.ts';
import { surfaceColorOf } from './layout.ts';
import { createProfileByKeys, moveTo } from './profile-flow.ts';
import { press, waitForFocus, waitForHash } from './remote.ts';

/** tv-app/src/theme/care.ts CARE_COLOR.tabChosen: the chosen child's tab in Settings. */
const TAB_CHOSEN = 0x1f6b52ff;

const canRun = existsSync(SERVER_ENTRY) || process.env.CI === 'true';

/** Decodes the one QR code of a PNG screenshot, or null. */
function decodeQr(file: string): string | null {
  const png = PNG.sync.read(readFileSync(file));
  return jsQR(new Uint8ClampedArray(png.data), png.width, png.height)?.data ?? null;
}

describe.runIf(canRun)('the phone-link QR code on the TV', () => {
  let api: RunningApi;
  let browser: Browser;
  let page: Page;
  let family: FamilyClient;

  beforeAll(async () => {
    await buildTvApp();
    await buildWebPages();
    api = await startContentApi();
    browser = await launchChromium();
    page = await openTv(browser, `${api.url}/`);
    // A child, so the phone page has a week to show.
    const [lesson] = await lessonsOfSubjects(api.url, 1);
    ({ family } = await boxWithChild(page, api.url, lesson?.grade?.id));
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    await api?.stop();
  });

  it('shows a scannable QR code of a phone link that opens the phone page', async () => {
    await openSettingsFromHome(page);
    await waitForFocus(page, (text) => text === '1');
    await typeDigits(page, PIN);
    await waitFor(
      'confirm step',
      () => pinStatus(page),
      (s) => s === '',
    );
    await typeDigits(page, PIN);
    await waitForFocus(page, (text) => text === '每日观看', 20_000);
    await press(page, 'ArrowUp'); // the children's tabs
    await waitForFocus(page, (text) => text === '小明');
    await press(page, 'ArrowRight');
    await waitForFocus(page, (text) => text === '用手机管理');
    // The chosen child's tab keeps its colour with focus on the phone entry (CARE_COLOR.tabChosen).
    await page.waitForTimeout(300);
    expect((await surfaceColorOf(page, '小明')).toString(16)).toBe(TAB_CHOSEN.toString(16));
    await press(page, 'Enter');
    await waitForFocus(page, (text) => text === '刷新二维码');

    let file = '';
    const decoded = await waitFor(
      'a decodable QR code',
      async () => {
        file = await saveScreenshot(page, 'tv-phone-qr');
        return decodeQr(file);
      },
      (text) => text !== null,
    );
    expect(decoded).toMatch(/^https?:\/\/[^/]+\/family\/#t=[\w.-]+$/);
    const { width, height } = PNG.sync.read(readFileSync(file));
    expect([width, height]).toEqual([1920, 1080]);

    const phone = await browser.newPage({
      viewport: { width: 390, height: 844 },
      isMobile: true,
      hasTouch: true,
      locale: 'zh-CN',
    });
    await phone.goto(decoded!);
    await phone.getByTestId('week-report').waitFor({ timeout: 20_000 });
    expect(await phone.getByTestId('rescan').count()).toBe(0);
    await saveScreenshot(phone, 'tv-phone-qr-phone');
    await phone.close();

    // Back closes the card onto the entry.
    await press(page, 'Escape');
    await waitForFocus(page, (text) => text === '用手机管理');
    await saveScreenshot(page, 'tv-phone-entry');
  }, 180_000);

  it('asks for the PIN (set above) before adding a profile, then adds one by keys', async () => {
    await page.goto(`${api.url}/`);
    await waitForFocus(page, (text) => text.length > 0, 20_000);
    await press(page, 'p');
    await waitForHash(page, /^#\/profiles$/);
    await waitForFocus(page, (text) => text === '小明');
    await moveTo(page, 'ArrowRight', '添加');
    await press(page, 'Enter');
    await waitForHash(page, /^#\/profiles\/new$/);
    await waitForFocus(page, (text) => text === '1'); // the PIN pad, not the phone message
    await saveScreenshot(page, 'tv-profile-add-pin');
    await typeDigits(page, '0000');
    await waitFor(
      'wrong PIN',
      () => pinStatus(page),
      (s) => s.includes('密码不对'),
    );
    await typeDigits(page, PIN);
    await createProfileByKeys(page, 'tv-pin-', { kind: '大人', avatar: '熊猫', name: '妈妈' });
    await waitForHash(page, /^#\/$/);
    const household = await family.call<{ profiles: { name: string }[] }>('GET', '/v1/household');
    expect(household.profiles.map((profile) => profile.name)).toEqual(['小明', '妈妈']);
  }, 120_000);
});
