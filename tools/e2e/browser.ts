// Debian Chromium, driven by playwright-core, the way the TV app's tests and benchmark need it.
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';

export const CHROMIUM = process.env.KETANG_CHROMIUM ?? '/usr/bin/chromium';
export const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--enable-unsafe-swiftshader',
  // A TV box plays without a user gesture: a test that reloads the app must not be stopped by autoplay rules.
  '--autoplay-policy=no-user-gesture-required',
];
export const VIEWPORT = { width: 1920, height: 1080 };
export const SCREENSHOT_DIR = path.resolve(import.meta.dirname, '../../.cache/screenshots');
/** Screenshots the docs show (docs/screenshots), written only when KETANG_DOC_SCREENSHOTS=1. */
export const DOC_SCREENSHOT_DIR = path.resolve(import.meta.dirname, '../../docs/screenshots');

export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`Chromium not found at ${CHROMIUM}: apt-get install chromium (or set KETANG_CHROMIUM)`);
  }
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_FLAGS });
}

export async function openTv(browser: Browser, url: string): Promise<Page> {
  const page = await browser.newPage({ viewport: VIEWPORT });
  await page.goto(url);
  return page;
}

export async function saveScreenshot(
  page: Page,
  name: string,
  options: { fullPage?: boolean } = {},
): Promise<string> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const file = path.join(SCREENSHOT_DIR, `${name}.png`);
  await page.screenshot({ path: file, fullPage: options.fullPage ?? false });
  return file;
}

/**
 * A screenshot for the docs: saved like every other (PNG in .cache/screenshots), and with
 * KETANG_DOC_SCREENSHOTS=1 also as docs/screenshots/<name>.jpg (JPEG keeps a 1920×1080 screen near 150 KB).
 */
export async function saveDocScreenshot(page: Page, name: string): Promise<string> {
  const file = await saveScreenshot(page, name);
  if (process.env.KETANG_DOC_SCREENSHOTS === '1') {
    mkdirSync(DOC_SCREENSHOT_DIR, { recursive: true });
    await page.screenshot({ path: path.join(DOC_SCREENSHOT_DIR, `${name}.jpg`), type: 'jpeg', quality: 82 });
  }
  return file;
}
