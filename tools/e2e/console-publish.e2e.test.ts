// Issue 13's "done when", as a new operator would do it in Chromium, against the real content API (demo
// catalogue, fresh store) and the real TV app configured for region `jx` (its carrier.json answers
// `{ "region": "jx" }`): sign in → create a grade channel → build today's timetable in the week grid from
// catalogue lessons (keyboard and mouse) → publish to jx → the TV's channels page shows it → change the week
// and publish again → the TV shows the new one → roll back to the first release → the TV shows the old one.
// An overlapping slot is refused by the API and marked on the slot, nothing saved. Roles: a viewer sees no
// publish button and the API refuses the publish; a scheduler sees no operators screen and the API refuses it.
// Screenshots: console-* (1440×900), see console-flow.ts.
import { existsSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { saveScreenshot } from './browser.ts';
import { startConsoleAndTv, type ConsoleAndTv } from './console-and-tv.ts';
import { SERVER_ENTRY, type RunningApi } from './content-api-server.ts';
import {
  ADMIN_PASSWORD,
  apiSession,
  callAs,
  consoleShot,
  createOperator,
  openConsole,
  signIn,
  TIME_ZONE,
  waitForTvText,
} from './console-flow.ts';

const canRun = existsSync(SERVER_ENTRY) || process.env.CI === 'true';
const CHANNEL_ID = 'grade-e2e';
const CHANNEL_TITLE = '空中课堂·测试年级';
/** Row 4 of the grid is 08:00 (the grid starts at 06:00, half-hour rows). */
const ROW_0800 = 4;
const ROW_0900 = 6;

/** Monday 0 … Sunday 6 of today in the channel's zone. */
function todayColumn(): number {
  const weekday = new Intl.DateTimeFormat('en-US', { timeZone: TIME_ZONE, weekday: 'short' }).format(
    new Date(),
  );
  return ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'].indexOf(weekday);
}

/** Opens the lesson picker on today's half hour (keyboard: focus the cell, Enter) and picks the n-th lesson. */
async function placeByKeyboard(page: Page, row: number, resultIndex: number): Promise<string> {
  await page.locator(`#cell-${todayColumn()}-${row}`).focus();
  await page.keyboard.press('Enter');
  const results = page.getByRole('listbox');
  await results.getByRole('option').first().waitFor();
  for (let i = 0; i < resultIndex; i++) await page.keyboard.press('ArrowDown');
  const title = (await results.locator('[aria-selected="true"] span').first().innerText()).trim();
  await page.keyboard.press('Enter');
  await results.waitFor({ state: 'detached' });
  return title;
}

/** The same with the mouse: click the half hour, click the n-th result. */
async function placeByMouse(page: Page, row: number, resultIndex: number): Promise<string> {
  await page.locator(`#cell-${todayColumn()}-${row}`).click();
  const option = page.getByRole('listbox').getByRole('option').nth(resultIndex);
  await option.waitFor();
  const title = (await option.locator('span').first().innerText()).trim();
  await option.click();
  return title;
}

async function saveWeek(page: Page): Promise<void> {
  await page.getByRole('button', { name: '保存本周课表' }).click();
  await page.getByText('本周课表已保存为草稿。').waitFor();
}

async function publish(page: Page, note: string): Promise<void> {
  await page.getByRole('link', { name: '发布' }).click();
  await page.getByText('未发布的修改').waitFor();
  await page.getByLabel('发布说明').fill(note);
  await page.getByRole('button', { name: '立即发布' }).click();
  await page.getByText('已发布，电视端将看到新的内容。').waitFor();
}

async function openWeek(page: Page): Promise<void> {
  await page.getByRole('link', { name: '频道与课表' }).click();
  await page
    .getByRole('row', { name: new RegExp(CHANNEL_TITLE) })
    .getByRole('button', { name: '排课表' })
    .click();
  await page.getByRole('heading', { name: CHANNEL_TITLE }).waitFor();
}

describe.runIf(canRun)('the operator console publishes a channel week to the TV', () => {
  let running: ConsoleAndTv;
  let api: RunningApi;
  let consolePage: Page;
  let tv: Page;
  const titles: { first?: string; second?: string; replacement?: string } = {};

  async function reloadTv(): Promise<void> {
    await tv.goto(`${api.url}/#/channels/${CHANNEL_ID}`);
    await tv.reload();
  }

  beforeAll(async () => {
    running = await startConsoleAndTv('jx');
    ({ api, consolePage, tv } = running);
  }, 600_000);

  afterAll(async () => {
    await running?.close();
  });

  it('signs in, creates a grade channel and builds its week from catalogue lessons', async () => {
    await consolePage.getByRole('button', { name: '登录' }).waitFor();
    await consoleShot(consolePage, 'sign-in');
    await signIn(consolePage, 'admin', ADMIN_PASSWORD);
    await consolePage.getByRole('heading', { name: '频道（jx，草稿）' }).waitFor();
    await consoleShot(consolePage, 'channels');

    await consolePage.getByRole('button', { name: '新建频道' }).click();
    await consolePage.getByLabel('频道编号').fill(CHANNEL_ID);
    await consolePage.getByLabel('中文名称').fill(CHANNEL_TITLE);
    const grade = consolePage.locator('select[name="grade"]');
    await expect.poll(() => grade.locator('option').count()).toBeGreaterThan(0);
    await grade.selectOption({ index: 0 });
    await consoleShot(consolePage, 'channel-form');
    await consolePage.getByRole('button', { name: '保存' }).click();
    await consolePage.getByRole('cell', { name: CHANNEL_TITLE }).waitFor();

    await openWeek(consolePage);
    await consolePage.getByText('这一周还没有排课。').waitFor();
    titles.first = await placeByKeyboard(consolePage, ROW_0800, 0);
    titles.second = await placeByMouse(consolePage, ROW_0900, 1);
    await consolePage.locator(`#cell-${todayColumn()}-${ROW_0800 + 8}`).focus();
    await consolePage.keyboard.press('Enter');
    await consolePage.getByRole('listbox').getByRole('option').first().waitFor();
    await consoleShot(consolePage, 'lesson-picker');
    await consolePage.keyboard.press('Escape');
    const slots = consolePage.locator('.week-slot');
    await expect.poll(() => slots.count()).toBe(2);
    expect(await slots.first().innerText()).toContain(titles.first);
    await saveWeek(consolePage);
    await consoleShot(consolePage, 'week');
  }, 180_000);

  it('refuses an overlapping slot on the slot itself and saves nothing', async () => {
    const overlapping = await placeByKeyboard(consolePage, ROW_0800, 2);
    await consolePage.getByRole('button', { name: '保存本周课表' }).click();
    const invalid = consolePage.locator('.week-slot.invalid');
    await invalid.first().waitFor();
    await expect
      .poll(() => consolePage.getByRole('alert').first().innerText())
      .toMatch(/有 \d+ 个时段有问题/);
    await consoleShot(consolePage, 'week-invalid');
    // Nothing was written: the draft still has the two slots.
    await consolePage.reload();
    await consolePage.getByRole('heading', { name: CHANNEL_TITLE }).waitFor();
    await expect.poll(() => consolePage.locator('.week-slot').count()).toBe(2);
    expect(await consolePage.locator('.week-slot').allInnerTexts()).not.toContain(overlapping);
  }, 120_000);

  it('publishes to jx: the TV configured for jx shows the new timetable', async () => {
    await publish(consolePage, '第一版课表');
    await consolePage.getByRole('cell', { name: '第一版课表' }).waitFor();
    await reloadTv();
    await waitForTvText(tv, CHANNEL_TITLE);
    await waitForTvText(tv, titles.first!);
    await waitForTvText(tv, titles.second!);
    await saveScreenshot(tv, 'console-tv-first-release');
  }, 180_000);

  it('a second release replaces the first slot; rolling back to v1 brings the old timetable back', async () => {
    await openWeek(consolePage);
    await consolePage.locator('.week-slot').first().getByRole('button', { name: '删除这节课' }).click();
    titles.replacement = await placeByMouse(consolePage, ROW_0800, 3);
    expect(titles.replacement).not.toBe(titles.first);
    await saveWeek(consolePage);
    await publish(consolePage, '第二版课表');
    await consoleShot(consolePage, 'releases');
    await reloadTv();
    await waitForTvText(tv, titles.replacement);
    await waitForTvText(tv, titles.first!, true);

    const firstRelease = consolePage.getByRole('row', { name: /第一版课表/ });
    await firstRelease.getByRole('button', { name: '回滚到此版本' }).click();
    const dialog = consolePage.getByRole('alertdialog');
    await dialog.getByText('jx 地区的所有电视将立即看到 v1 的内容。').waitFor();
    await consoleShot(consolePage, 'rollback-confirm');
    await dialog.getByRole('button', { name: '回滚到此版本' }).click();
    await consolePage.getByText('已回滚到 v1。').waitFor();
    await reloadTv();
    await waitForTvText(tv, titles.first!);
    await waitForTvText(tv, titles.replacement, true);
    await saveScreenshot(tv, 'console-tv-rolled-back');
  }, 240_000);

  it('checks a timetable file with wrong columns and lists its problems by row and column, changing nothing', async () => {
    await openWeek(consolePage);
    const before = await consolePage.locator('.week-slot').count();
    await consolePage.getByLabel('课表文件').setInputFiles({
      name: 'timetable.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from('日子,课\n2026-12-07,天地人\n', 'utf8'),
    });
    await consolePage.getByRole('button', { name: '检查文件' }).click();
    const problems = consolePage.locator('.import-panel .data-table tbody tr');
    await problems.first().waitFor();
    expect(await consolePage.locator('.import-panel').innerText()).toContain('缺少必需的列。');
    expect(await consolePage.locator('.import-panel').innerText()).toMatch(
      /文件有 \d+ 处问题（见下表），未做任何修改。/,
    );
    expect(await consolePage.getByRole('button', { name: '导入', exact: true }).isDisabled()).toBe(true);
    await consolePage.locator('.import-panel').scrollIntoViewIfNeeded();
    await consoleShot(consolePage, 'import-errors');
    await consolePage.reload();
    await consolePage.getByRole('heading', { name: CHANNEL_TITLE }).waitFor();
    await expect.poll(() => consolePage.locator('.week-slot').count()).toBe(before);
  }, 120_000);

  it('a viewer sees no publish button and the API refuses the publish', async () => {
    const admin = await apiSession(api.url, 'admin', ADMIN_PASSWORD);
    const password = await createOperator(api.url, admin, 'viewer-e2e', 'viewer');
    const page = await openConsole(running.browser, api.url);
    await signIn(page, 'viewer-e2e', password);
    await page.getByRole('link', { name: '发布' }).click();
    await page.getByRole('cell', { name: '第一版课表' }).waitFor();
    expect(await page.getByRole('button', { name: '立即发布' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: '回滚到此版本' }).count()).toBe(0);
    expect(await page.getByRole('link', { name: '运营账号' }).count()).toBe(0);
    await consoleShot(page, 'releases-viewer');
    const viewer = await apiSession(api.url, 'viewer-e2e', password);
    const refused = await callAs(api.url, viewer, 'POST', '/v1/operator/regions/jx/releases', { note: 'x' });
    expect(refused.status).toBe(403);
    await page.context().close();
  }, 120_000);

  it('a scheduler sees no operators screen and the API refuses to manage operators', async () => {
    const admin = await apiSession(api.url, 'admin', ADMIN_PASSWORD);
    const password = await createOperator(api.url, admin, 'scheduler-e2e', 'scheduler');
    const page = await openConsole(running.browser, api.url);
    await signIn(page, 'scheduler-e2e', password);
    await page.getByRole('heading', { name: '频道（jx，草稿）' }).waitFor();
    expect(await page.getByRole('link', { name: '运营账号' }).count()).toBe(0);
    expect(await page.getByRole('link', { name: '发布' }).count()).toBe(1);
    await page.goto(`${api.url}/console/#/operators`);
    await page.getByRole('heading', { name: '频道（jx，草稿）' }).waitFor();
    expect(await page.getByRole('heading', { name: '运营账号' }).count()).toBe(0);
    const scheduler = await apiSession(api.url, 'scheduler-e2e', password);
    const refused = await callAs(api.url, scheduler, 'POST', '/v1/operator/operators', {
      username: 'sneaky',
      password: 'sneaky-password-0123',
      role: 'admin',
    });
    expect(refused.status).toBe(403);
    await page.context().close();
  }, 120_000);
});
