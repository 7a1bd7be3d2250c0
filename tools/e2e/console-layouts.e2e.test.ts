// Issue 13 "Home layouts", as an operator would do it in Chromium against the real content API (demo catalogue,
// fresh store) and the real TV app: sign in → on the home layouts screen of region jx, remove the child's
// today rail, add a curated rail of two catalogue lessons (keyboard and mouse), rename it and move it on top →
// save the draft → the console's live preview (the TV app in an iframe, opened with the draft's preview code)
// shows it first → publish → the TV configured for jx shows that rail first on a child's home, with the same
// lessons (the hero names the focused tile: the first, then one step right the second). Screenshot: docs/screenshots/console-layouts.png (1440×900).
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DOC_SCREENSHOT_DIR, saveScreenshot } from './browser.ts';
import { startConsoleAndTv, type ConsoleAndTv } from './console-and-tv.ts';
import { SERVER_ENTRY, type RunningApi } from './content-api-server.ts';
import { ADMIN_PASSWORD, consoleShot, signIn, tvScreenTexts, waitForTvText } from './console-flow.ts';

const canRun = existsSync(SERVER_ENTRY) || process.env.CI === 'true';
const RAIL_TITLE = '编辑推荐·布局测试';

/** Picks the n-th lesson of the open picker by keyboard (↓ n times, Enter) or by mouse; answers its title. */
async function pickLesson(page: Page, index: number, by: 'keyboard' | 'mouse'): Promise<string> {
  const results = page.getByRole('listbox');
  await results.getByRole('option').nth(index).waitFor();
  const option = results.getByRole('option').nth(index);
  const title = (await option.locator('span').first().innerText()).trim();
  if (by === 'keyboard') {
    for (let step = 0; step < index; step++) await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
  } else await option.click();
  await results.waitFor({ state: 'detached' });
  return title;
}

/**
 * The rail's title is drawn before any other rail's ("…全部课程"), and the hero (the focused tile: the first
 * rail's first) shows the rail's first lesson. Tile titles are pictures; the hero is the tile's text.
 */
async function railFirst(target: Page | Frame, title: string, firstLesson: string) {
  const texts = await tvScreenTexts(target);
  const at = texts.findIndex((text) => text.includes(title));
  expect(at, texts.join(' | ')).toBeGreaterThanOrEqual(0);
  expect(texts.slice(0, at).some((text) => text.includes('全部课程'))).toBe(false);
  await waitForTvText(target, firstLesson);
}

describe.runIf(canRun)('the operator console lays out the TV home of a region and publishes it', () => {
  let running: ConsoleAndTv;
  let api: RunningApi;
  let page: Page;
  let tv: Page;
  const picked: string[] = [];
  let gradeId = '';

  /** The framed preview's home reads (with the preview header), as the TV app in the iframe made them. */
  const previewHomeReads: string[] = [];

  beforeAll(async () => {
    running = await startConsoleAndTv('jx');
    ({ api, consolePage: page, tv } = running);
    page.on('request', (request) => {
      if (request.url().includes('/v1/home') && request.headers()['x-ketang-preview'])
        previewHomeReads.push(request.url());
    });
  }, 600_000);

  afterAll(async () => {
    await running?.close();
  });

  it('builds a curated rail on top of jx’s home layout and saves it as a draft', async () => {
    await signIn(page, 'admin', ADMIN_PASSWORD);
    await page.getByRole('link', { name: '首页布局' }).click();
    await page.getByRole('heading', { name: '首页布局（jx，草稿）' }).waitFor();
    // The carrier is the top bar's, as on the channels and releases screens: all carriers by default.
    expect(await page.locator('.console-topbar .carrier-picker select').inputValue()).toBe('all');
    const rails = page.locator('.layout-rail');
    await expect.poll(() => rails.count()).toBe(6); // the built-in layout
    gradeId = await page.locator('select[name="previewGrade"]').inputValue();
    expect(gradeId).not.toBe('');

    await rails.first().getByRole('button', { name: '删除栏目' }).click(); // today's lessons
    await page.getByRole('button', { name: '添加精选栏目' }).click();
    await expect.poll(() => rails.count()).toBe(6);
    const curated = rails.last();
    await curated.getByRole('button', { name: '添加课程' }).focus();
    await page.keyboard.press('Enter');
    picked.push(await pickLesson(page, 0, 'keyboard'));
    await curated.getByRole('button', { name: '添加课程' }).click();
    picked.push(await pickLesson(page, 2, 'mouse'));
    await curated.getByLabel('中文标题').fill(RAIL_TITLE);
    await curated.getByLabel('中文标题').press('Tab');
    // On top: once by keyboard, then by mouse.
    await curated.getByRole('button', { name: '上移' }).focus();
    await page.keyboard.press('Enter');
    for (let step = 0; step < 4; step++)
      await rails
        .nth(4 - step)
        .getByRole('button', { name: '上移' })
        .click();
    await expect.poll(() => rails.first().getByLabel('中文标题').inputValue()).toBe(RAIL_TITLE);
    await page.getByRole('button', { name: '保存草稿' }).click();
    await page.getByText('布局已保存为草稿。').waitFor();
  }, 240_000);

  it('shows the draft in the live preview: the real TV app in an iframe, the curated rail first', async () => {
    // The newest preview page (each save reloads it), once its app has drawn the rail.
    const previewFrame = () => page.frames().find((candidate) => candidate.url().includes('preview='));
    await expect
      .poll(
        async () =>
          (await tvScreenTexts(previewFrame()!).catch(() => [])).some((t) => t.includes(RAIL_TITLE)),
        {
          timeout: 60_000,
        },
      )
      .toBe(true);
    const frame = previewFrame()!;
    await railFirst(frame, RAIL_TITLE, picked[0]!);
    // The preview is jx's TV: the frame is opened with the draft's region, and its home read asks for it.
    expect(new URL(frame.url()).searchParams.get('region')).toBe('jx');
    expect(previewHomeReads.length).toBeGreaterThan(0);
    expect(previewHomeReads.every((url) => new URL(url).searchParams.get('region') === 'jx')).toBe(true);
    await page.evaluate(() => {
      window.scrollTo(0, 0);
      document.querySelector('.console-main')?.scrollTo(0, 0);
    });
    await page.waitForTimeout(1500); // the preview's textures settle
    await consoleShot(page, 'layouts');
    mkdirSync(DOC_SCREENSHOT_DIR, { recursive: true });
    await page.screenshot({ path: path.join(DOC_SCREENSHOT_DIR, 'console-layouts.png') });
  }, 120_000);

  it('publishes: the TV configured for jx shows the curated rail first on a child’s home, same lessons', async () => {
    // A box of jx with a child of the preview's grade (first start makes its household).
    await tv.goto(`${api.url}/`);
    await expect
      .poll(() => tv.evaluate(() => localStorage.getItem('ketang.household')), { timeout: 30_000 })
      .toBeTruthy();
    const credential = JSON.parse((await tv.evaluate(() => localStorage.getItem('ketang.household')))!);
    const child = await fetch(`${api.url}/v1/household/profiles`, {
      method: 'POST',
      headers: { authorization: `Bearer ${credential.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ name: '小明', avatar: 'panda', gradeId }),
    });
    expect(child.status).toBe(201);
    await tv.goto(`${api.url}/#/`);
    await tv.reload();
    await waitForTvText(tv, '全部课程', false, 60_000);
    expect((await tvScreenTexts(tv)).some((text) => text.includes(RAIL_TITLE))).toBe(false);

    await page.getByRole('link', { name: '发布' }).click();
    await page.getByText('新增首页布局：all').waitFor();
    await page.getByLabel('发布说明').fill('首页布局');
    await page.getByRole('button', { name: '立即发布' }).click();
    await page.getByText('已发布，电视端将看到新的内容。').waitFor();

    await tv.reload();
    await waitForTvText(tv, RAIL_TITLE, false, 60_000);
    await railFirst(tv, RAIL_TITLE, picked[0]!);
    // The rail's tiles are the picked lessons, in order: one step right focuses the second.
    await tv.keyboard.press('ArrowRight');
    await waitForTvText(tv, picked[1]!);
    await saveScreenshot(tv, 'console-layouts-tv-published');
  }, 240_000);
});
