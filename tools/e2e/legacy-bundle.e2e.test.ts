/// <reference lib="dom" />
// (addInitScript and page.evaluate callbacks run in the browser)
// The legacy bundle, proved against the real content API (demo content, one packaged lesson) in Chromium:
// every legacy chunk is ES5 (es-check), and a Chromium made to look like an old engine boots it to a focused
// home and plays a lesson. Two old engines are played: one without modules (Chrome 38–60: `type=module`
// scripts refused, `nomodule` ones run) and one with modules but without the modern APIs (Chrome 64–72,
// WPE 2.2x: the page's detector must send it to the legacy bundle). In both, the APIs those engines lack are
// deleted before any script of the app runs (old-engine.ts). The modern bundle is checked to stay as it was.
import { execFile } from 'node:child_process';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import type { LessonDetail } from '@ketang/contract';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, saveScreenshot, VIEWPORT } from './browser.ts';
import { buildTvApp } from './build-app.ts';
import { startContentApi, type RunningApi } from './content-api-server.ts';
import { E2E_LESSON_ID, prepareDemoMedia } from './demo-media.ts';
import { emulateOldEngine } from './old-engine.ts';
import { createProfileByKeys, firstPlayable, profileHome } from './profile-flow.ts';
import { waitForFocus } from './remote.ts';
import { reachAndPlayLesson } from './tv-flow.ts';

const REPO = path.resolve(import.meta.dirname, '../..');
const ES_CHECK = path.join(REPO, 'node_modules/.bin/es-check');
const LEGACY_CHUNK = /-legacy-[\w-]+\.js$/;
const MODERN_ENTRY = /\/assets\/index-(?!legacy-)[\w-]+\.js/;

type Boot = { legacy: boolean; canvases: number; chunks: string[] };

function bootFacts(page: Page): Promise<Boot> {
  return page.evaluate(() => ({
    legacy: 'System' in window,
    canvases: document.querySelectorAll('canvas').length,
    chunks: performance
      .getEntriesByType('resource')
      .map((entry) => entry.name)
      .filter((name) => name.includes('/assets/index-')),
  }));
}

describe('the legacy bundle', () => {
  let api: RunningApi;
  let browser: Browser;
  let dist: string;

  beforeAll(async () => {
    const [media, built] = await Promise.all([prepareDemoMedia(), buildTvApp()]);
    dist = built;
    api = await startContentApi(media);
    browser = await launchChromium();
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    await api?.stop();
  });

  it('is ES5 in every legacy chunk and its polyfills (es-check)', async () => {
    const assets = path.join(dist, 'assets');
    const chunks = readdirSync(assets).filter((name) => LEGACY_CHUNK.test(name));
    expect(chunks.some((name) => name.startsWith('polyfills-legacy-'))).toBe(true);
    expect(chunks.some((name) => name.startsWith('index-legacy-'))).toBe(true);
    const files = chunks.map((name) => path.join(assets, name));
    const { stdout } = await promisify(execFile)(ES_CHECK, ['es5', ...files], { maxBuffer: 1 << 24 });
    expect(stdout).toMatch(/ES-Check passed/);
    // And the modern entry is not ES5: the check would catch a chunk that is not.
    const modern = readdirSync(assets).find(
      (name) => /^index-[\w-]+\.js$/.test(name) && !LEGACY_CHUNK.test(name),
    );
    await expect(promisify(execFile)(ES_CHECK, ['es5', path.join(assets, modern!)])).rejects.toThrow();
  }, 120_000);

  async function bootAsOldEngine(withModules: boolean, prefix: string): Promise<{ page: Page; boot: Boot }> {
    const page = await browser.newPage({ viewport: VIEWPORT });
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(`${error.message} ${error.stack ?? ''}`));
    await emulateOldEngine(page, api.url, { withModules });
    await page.goto(`${api.url}/`);
    // A new box: the first profile by keys (the legacy bundle's own screens), then the child's home.
    const lesson = (await (await fetch(`${api.url}/v1/lessons/${E2E_LESSON_ID}`)).json()) as LessonDetail;
    await createProfileByKeys(page, prefix, {
      kind: '孩子',
      avatar: '老虎',
      name: '小宝',
      grade: lesson.grade!.name.zh,
    });
    const home = await profileHome(page, api.url);
    expect(home.today.length).toBeGreaterThan(0);
    await waitForFocus(page, (text) => text === home.today[0]!.title.zh, 30_000);
    await saveScreenshot(page, `${prefix}home`);
    const boot = await bootFacts(page);
    expect(boot.legacy, 'SystemJS (the legacy bundle) runs the app').toBe(true);
    expect(boot.canvases, 'one app, not the modern one beside it').toBe(1);
    // With modules, the modern entry is fetched and evaluated too, and may throw there (focus/key-map.ts calls
    // Object.fromEntries as it loads), as the plugin's own fallback expects for syntax; it never starts.
    const legacyErrors = errors.filter((error) => !(withModules && MODERN_ENTRY.test(error)));
    expect(legacyErrors).toEqual([]);
    const { down, right } = firstPlayable(home);
    await reachAndPlayLesson(page, prefix, { down, right });
    return { page, boot };
  }

  it('boots without modules and without the modern APIs to a focused home, and plays a lesson', async () => {
    const { page, boot } = await bootAsOldEngine(false, 'legacy-nomodule-');
    expect(
      boot.chunks.every((name) => LEGACY_CHUNK.test(name)),
      boot.chunks.join(', '),
    ).toBe(true);
    await page.close();
  }, 240_000);

  it('is what an engine with modules but without the modern APIs boots (the detector picks it)', async () => {
    const { page } = await bootAsOldEngine(true, 'legacy-module-');
    await page.close();
  }, 240_000);

  it('stays out of a modern engine: only the modern bundle loads', async () => {
    const page = await browser.newPage({ viewport: VIEWPORT });
    await page.goto(`${api.url}/`);
    await waitForFocus(page, (text) => text.length > 0, 30_000);
    const boot = await bootFacts(page);
    expect(boot.legacy).toBe(false);
    expect(boot.canvases).toBe(1);
    expect(boot.chunks.some((name) => LEGACY_CHUNK.test(name))).toBe(false);
    await page.close();
  }, 60_000);
});
