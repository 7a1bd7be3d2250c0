/// <reference lib="dom" />
// Issue 14's activation "done when", against the REAL content API with KETANG_ACTIVATION=code, in Chromium:
// the TV app configured with features.activation 'code' (its carrier.json) shows a code and a QR code → a
// 390×844 phone page opens the QR code's URL and binds it to a new household in region jx → the TV goes on to
// the profile screen by itself → a device write without the token gets 401, with the token the TV stored it
// succeeds. Then the carrier's CRM (an operator of role carrier) binds the next code of a reset box.
import { copyFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DOC_SCREENSHOT_DIR,
  launchChromium,
  saveDocScreenshot,
  saveScreenshot,
  VIEWPORT,
} from './browser.ts';
import { buildTvApp, buildWebPages } from './build-app.ts';
import { waitFor } from './care-flow.ts';
import { SERVER_ENTRY, startContentApi, type RunningApi } from './content-api-server.ts';
import { waitForFocus, waitForHash } from './remote.ts';

const canRun = existsSync(SERVER_ENTRY) || process.env.CI === 'true';
const ADMIN_PASSWORD = 'activation-e2e-admin-0123';
/** A bound box polls at most every 8 s (tv-app/src/pages/Activation.tsx); slack for a loaded machine. */
const BOUND_WITHIN_MS = 45_000;

type Shown = { code: string; activateUrl: string; expiresAt: string };
type Stored = { token: string; householdId: string; deviceId: string; expiresAt?: string; region?: string };

function decodeQr(file: string): string | null {
  const png = PNG.sync.read(readFileSync(file));
  return jsQR(new Uint8ClampedArray(png.data), png.width, png.height)?.data ?? null;
}

/** The activation the TV shows (its test hook), once it has one. */
function shownActivation(page: Page): Promise<Shown | null> {
  return page.evaluate(() => {
    const hooks = (window as unknown as { __ketang?: { activation?: () => Shown | undefined } }).__ketang;
    return hooks?.activation?.() ?? null;
  });
}

function storedCredential(page: Page): Promise<Stored | null> {
  return page.evaluate(() => {
    const raw = localStorage.getItem('ketang.household');
    return raw ? (JSON.parse(raw) as Stored) : null;
  });
}

async function postJson(url: string, body: unknown, token?: string) {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: await response.json().catch(() => undefined) };
}

describe.runIf(canRun)('activation by code (issue 14)', () => {
  let api: RunningApi;
  let browser: Browser;
  let tv: Page;
  let adminToken: string;

  beforeAll(async () => {
    await Promise.all([buildTvApp(), buildWebPages()]);
    api = await startContentApi({
      env: { KETANG_ACTIVATION: 'code', KETANG_ADMIN_PASSWORD: ADMIN_PASSWORD },
    });
    // The operators offer region jx: its settings exist.
    const login = await postJson(`${api.url}/v1/operator/sessions`, {
      username: 'admin',
      password: ADMIN_PASSWORD,
    });
    adminToken = login.body.token;
    const settings = await fetch(`${api.url}/v1/operator/regions/jx/settings`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${adminToken}` },
      body: JSON.stringify({ approvalRequired: false }),
    });
    expect(settings.status).toBe(200);
    browser = await launchChromium();
    tv = await browser.newPage({ viewport: VIEWPORT });
    // The carrier's configuration: activation by code.
    await tv.route('**/carrier.json', (route) =>
      route.fulfill({
        contentType: 'application/json',
        body: JSON.stringify({ features: { activation: 'code' } }),
      }),
    );
    await tv.goto(`${api.url}/`);
  }, 400_000);

  afterAll(async () => {
    await browser?.close();
    await api?.stop();
  });

  it('shows a code → a phone binds it to a new household in jx → the TV goes on; writes need the token', async () => {
    await waitForHash(tv, /^#\/activate$/, 30_000);
    const shown = await waitFor(
      'a code on the TV',
      () => shownActivation(tv),
      (value) => value !== null,
    );
    expect(shown!.code).toMatch(/^[2-9A-HJKMNP-TV-Z]{4}-[2-9A-HJKMNP-TV-Z]{4}$/);
    await waitForFocus(tv, (text) => text === '换一个激活码', 20_000);

    // The QR code on the screen is the phone page's URL with the code.
    let file = '';
    const decoded = await waitFor(
      'a decodable QR code',
      async () => {
        await tv.waitForTimeout(500); // the countdown ticks; let a frame settle
        file = await saveDocScreenshot(tv, 'activation');
        return decodeQr(file);
      },
      (text) => text !== null,
      30_000,
    );
    expect(decoded).toBe(shown!.activateUrl);
    expect(decoded).toBe(`${api.url}/activate/#c=${shown!.code.replace('-', '')}`);

    // The parent's phone opens it: the code is filled in, a region is chosen, Activate.
    const phone = await browser.newPage({
      viewport: { width: 390, height: 844 },
      isMobile: true,
      hasTouch: true,
      locale: 'zh-CN',
    });
    await phone.goto(decoded!);
    await expect.poll(() => phone.getByTestId('activate-code').inputValue()).toBe(shown!.code);
    expect(await phone.evaluate(() => window.location.hash)).toBe(''); // the code left the address bar
    await phone.getByTestId('activate-region').waitFor({ timeout: 20_000 });
    await phone.getByTestId('activate-region').selectOption('jx');
    expect(await phone.locator('#activate-region option:checked').textContent()).toBe('江西');
    await phone.locator('#activate-county').fill('南昌县');
    await savePhoneScreenshot(phone, 'activate-phone-form');
    await phone.getByTestId('activate-submit').click();
    await phone.getByTestId('activate-done').waitFor({ timeout: 20_000 });
    await savePhoneScreenshot(phone, 'activate-phone');
    await phone.close();

    // The TV goes on by itself: the credential kept, the profile screen (no profile yet: 添加).
    await waitForHash(tv, /^#\/profiles$/, BOUND_WITHIN_MS);
    await waitForFocus(tv, (text) => text === '添加', 20_000);
    const credential = await storedCredential(tv);
    expect(credential?.token).toBeTruthy();
    expect(Date.parse(credential!.expiresAt!)).toBeGreaterThan(Date.now() + 80 * 86_400_000);
    expect(credential!.region).toBe('jx'); // the household's region: the catalogue the box reads from now on
    const household = await fetch(`${api.url}/v1/household`, {
      headers: { authorization: `Bearer ${credential!.token}` },
    });
    expect(await household.json()).toMatchObject({ id: credential!.householdId, region: 'jx' });

    // A device write without the token: 401; with the token the TV stored: accepted.
    const event = { kind: 'playback', stats: { stalls: 0 } };
    expect((await postJson(`${api.url}/v1/events`, event)).status).toBe(401);
    expect((await postJson(`${api.url}/v1/events`, event, credential!.token)).status).toBe(202);
    // First start is off on this API.
    const firstStart = await postJson(`${api.url}/v1/households`, {});
    expect([firstStart.status, firstStart.body.error.code]).toEqual([403, 'activation_required']);
  }, 300_000);

  it("adds a second box to the parent's household from 家长助手 (添加另一台电视), typing its code", async () => {
    const first = (await storedCredential(tv))!;
    const link = await postJson(`${api.url}/v1/household/phone-links`, {}, first.token);
    // A second box asks for its code (as the TV does) and polls with its token.
    const second = (await postJson(`${api.url}/v1/activations`, {})).body as Shown & { pollToken: string };
    const phone = await browser.newPage({
      viewport: { width: 390, height: 844 },
      isMobile: true,
      hasTouch: true,
      locale: 'zh-CN',
    });
    await phone.goto(link.body.url);
    await phone.getByTestId('add-box').click();
    await phone.getByTestId('activate-form').waitFor({ timeout: 20_000 });
    // The tab holds the phone link: 我的家庭 is the choice, and no region is asked.
    expect(await phone.getByRole('radio', { name: /我的家庭/ }).isChecked()).toBe(true);
    expect(await phone.getByTestId('activate-region').count()).toBe(0);
    await phone.getByTestId('activate-code').fill(second.code.toLowerCase().replace('-', ' '));
    await phone.getByTestId('activate-submit').click();
    await phone.getByTestId('activate-done').waitFor({ timeout: 20_000 });
    await saveScreenshot(phone, 'activate-phone-second-box');
    await phone.close();
    const polled = await fetch(`${api.url}/v1/activations/current`, {
      headers: { authorization: `Bearer ${second.pollToken}` },
    });
    const state = (await polled.json()) as { state: string; credential?: Stored };
    expect(state.state).toBe('bound');
    expect(state.credential?.householdId).toBe(first.householdId);
  }, 120_000);

  it("binds a reset box's next code through the carrier's CRM (role carrier); the TV goes on", async () => {
    const created = await fetch(`${api.url}/v1/operator/operators`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${adminToken}` },
      body: JSON.stringify({
        username: 'crm-jx',
        password: 'crm-password-0123456',
        role: 'carrier',
        carrier: 'jx-telecom',
      }),
    });
    expect(created.status).toBe(201);
    // The account binds only into the regions jx-telecom's published configuration names (jx).
    const { $schema: _hint, ...config } = JSON.parse(
      readFileSync(path.resolve(import.meta.dirname, '../../carriers/jx-telecom/carrier.json'), 'utf8'),
    ) as Record<string, unknown>;
    const published = await fetch(`${api.url}/v1/operator/carriers/jx-telecom/config`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${adminToken}` },
      body: JSON.stringify(config),
    });
    expect(published.status).toBe(200);
    const crm = await postJson(`${api.url}/v1/operator/sessions`, {
      username: 'crm-jx',
      password: 'crm-password-0123456',
    });
    // The box is reset (its storage cleared): it shows the activation screen again, with a new code.
    await tv.evaluate(() => localStorage.removeItem('ketang.household'));
    await tv.goto(`${api.url}/`);
    await tv.reload();
    await waitForHash(tv, /^#\/activate$/, 30_000);
    const shown = await waitFor(
      'a new code',
      () => shownActivation(tv),
      (value) => value !== null,
    );
    const bound = await postJson(
      `${api.url}/v1/operator/activations/${shown!.code}/bind`,
      { newHousehold: { region: 'jx', carrier: 'jx-telecom', externalRef: 'CRM-0042' } },
      crm.body.token,
    );
    expect(bound.status).toBe(200);
    await waitForHash(tv, /^#\/profiles$/, BOUND_WITHIN_MS);
    expect((await storedCredential(tv))?.householdId).toBe(bound.body.householdId);
  }, 180_000);
});

/** A phone screenshot (PNG): with KETANG_DOC_SCREENSHOTS=1 also docs/screenshots/<name>.png. */
async function savePhoneScreenshot(page: Page, name: string): Promise<void> {
  const file = await saveScreenshot(page, name);
  if (process.env.KETANG_DOC_SCREENSHOTS === '1') {
    mkdirSync(DOC_SCREENSHOT_DIR, { recursive: true });
    copyFileSync(file, path.join(DOC_SCREENSHOT_DIR, `${name}.png`));
  }
}
