/// <reference lib="dom" />
// (page.evaluate callbacks run in the browser)
// Steps of the operator console's tests (/console/ at 1440×900): sign in, accounts made through the API,
// the console's screenshots, and the texts the TV app's renderer shows (its canvas has no DOM text).
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Frame, Page } from 'playwright-core';
import { DOC_SCREENSHOT_DIR, saveScreenshot } from './browser.ts';

export const CONSOLE_VIEWPORT = { width: 1440, height: 900 };
/** The channel's zone; both browsers live there, so "today" is the same day for the console and the TV. */
export const TIME_ZONE = 'Asia/Shanghai';
export const ADMIN_PASSWORD = 'console-admin-password-0123';

export async function openConsole(browser: Browser, apiUrl: string, locale = 'zh-CN'): Promise<Page> {
  const context = await browser.newContext({ viewport: CONSOLE_VIEWPORT, locale, timezoneId: TIME_ZONE });
  const page = await context.newPage();
  await page.goto(`${apiUrl}/console/`);
  return page;
}

export async function signIn(page: Page, username: string, password: string): Promise<void> {
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(password);
  await page.getByRole('button', { name: '登录' }).click();
}

/** A session token through the API (for the refusals the console does not even offer). */
export async function apiSession(apiUrl: string, username: string, password: string): Promise<string> {
  const response = await fetch(`${apiUrl}/v1/operator/sessions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (response.status !== 201)
    throw new Error(`login ${username}: ${response.status} ${await response.text()}`);
  return ((await response.json()) as { token: string }).token;
}

export async function callAs(apiUrl: string, token: string, method: string, route: string, body?: unknown) {
  return fetch(`${apiUrl}${route}`, {
    method,
    headers: { authorization: `Bearer ${token}`, ...(body ? { 'content-type': 'application/json' } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
}

export async function createOperator(apiUrl: string, adminToken: string, username: string, role: string) {
  const password = `${username}-password-0123`;
  const response = await callAs(apiUrl, adminToken, 'POST', '/v1/operator/operators', {
    username,
    password,
    role,
  });
  if (response.status !== 201)
    throw new Error(`create ${username}: ${response.status} ${await response.text()}`);
  return password;
}

/** A console screenshot: .cache/screenshots, and docs/screenshots/console-*.png with KETANG_DOC_SCREENSHOTS=1. */
export async function consoleShot(
  page: Page,
  name: string,
  options: { fullPage?: boolean } = {},
): Promise<void> {
  await page.waitForTimeout(300);
  await saveScreenshot(page, `console-${name}`, options);
  if (process.env.KETANG_DOC_SCREENSHOTS === '1') {
    mkdirSync(DOC_SCREENSHOT_DIR, { recursive: true });
    await page.screenshot({ path: path.join(DOC_SCREENSHOT_DIR, `console-${name}.png`), ...options });
  }
}

/** Every text node under the TV app's render tree (what its canvas draws), in tree order; a frame: the console's preview. */
export function tvScreenTexts(page: Page | Frame): Promise<string[]> {
  return page.evaluate(() => {
    type Node = { text?: string; children?: Node[]; parent?: Node };
    const hooks = (window as unknown as { __ketang?: { activeElement?: () => Node | undefined } }).__ketang;
    let root = hooks?.activeElement?.();
    while (root?.parent) root = root.parent;
    const texts: string[] = [];
    const visit = (node: Node | undefined) => {
      if (!node) return;
      // Titles carry zero-width spaces (line-break chances for Chinese); read them without.
      if (typeof node.text === 'string' && node.text) texts.push(node.text.replace(/\u200b/g, ''));
      for (const child of node.children ?? []) visit(child);
    };
    visit(root);
    return texts;
  });
}

/** Waits until the TV draws a text containing `wanted` (or, with `isAbsent`, until none does). */
export async function waitForTvText(
  page: Page | Frame,
  wanted: string,
  isAbsent = false,
  timeoutMs = 30_000,
) {
  const deadline = Date.now() + timeoutMs;
  let texts: string[] = [];
  while (Date.now() < deadline) {
    texts = await tvScreenTexts(page);
    if (texts.some((text) => text.includes(wanted)) !== isAbsent) return texts;
    await page.waitForTimeout(250);
  }
  throw new Error(
    `the TV ${isAbsent ? 'still shows' : 'never showed'} "${wanted}"; it shows: ${texts.join(' | ')}`,
  );
}
