// The parent's phone page (/family/) in headless Chromium at 390×844 against the REAL content API with the
// demo catalogue: a box starts a household, adds a child, watches on several days of this week (the API's
// clock moved, see shifted-clock.mjs), and mints a phone link; the page opened from that link must show what
// the report API says and write what the parent changes.
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, saveScreenshot } from './browser.ts';
import { buildWebPages } from './build-app.ts';
import { SERVER_ENTRY, startContentApi, type RunningApi } from './content-api-server.ts';
import {
  FamilyClient,
  addDays,
  heartbeat,
  lessonsOfSubjects,
  localToday,
  mondayOf,
  offsetTo,
  shiftServerClock,
  startHousehold,
  type Profile,
  type WeekReport,
} from './family-flow.ts';
import { readChart, readStats, scrollOverflow } from './phone-page.ts';

const PHONE = { width: 390, height: 844 };
const canRun = existsSync(SERVER_ENTRY) || process.env.CI === 'true';

/** Seconds watched per subject (index into the picked lessons), per day of the week (Monday 0). */
const WATCHING: Record<number, number[]> = { 0: [600, 300, 0], 1: [420, 0, 360], 3: [300, 540, 120] };
const TODAY_WATCHING = [240, 180, 0];

function expectedSeries(report: WeekReport): Map<string, number[]> {
  const series = new Map<string, number[]>();
  for (const [dayIndex, day] of report.days.entries()) {
    for (const subject of day.subjects) {
      const name = subject.subjectId === null ? '其他' : subject.name!.zh;
      const minutes = series.get(name) ?? report.days.map(() => 0);
      minutes[dayIndex] = Math.round(subject.seconds / 6) / 10; // minutes, one decimal
      series.set(name, minutes);
    }
  }
  return series;
}

describe.runIf(canRun)("the parent's phone page against the content API", () => {
  const workDir = mkdtempSync(path.join(tmpdir(), 'ketang-phone-e2e-'));
  const clockFile = path.join(workDir, 'clock-offset');
  let api: RunningApi;
  let browser: Browser;
  let box: FamilyClient;
  let phone: FamilyClient;
  let child: Profile;
  let linkUrl: string;

  async function openPhone(locale = 'zh-CN'): Promise<Page> {
    const page = await browser.newPage({
      viewport: PHONE,
      deviceScaleFactor: 2,
      isMobile: true,
      hasTouch: true,
      locale,
    });
    await page.goto(linkUrl);
    return page;
  }

  beforeAll(async () => {
    writeFileSync(clockFile, '0');
    await buildWebPages();
    api = await startContentApi({ clockFile });
    browser = await launchChromium();

    box = await startHousehold(api.url);
    const lessons = await lessonsOfSubjects(api.url, 3);
    child = await box.call<Profile>(
      'POST',
      '/v1/household/profiles',
      { name: '小明', avatar: 'panda', ...(lessons[0]!.grade ? { gradeId: lessons[0]!.grade.id } : {}) },
      201,
    );
    linkUrl = (await box.call<{ url: string }>('POST', '/v1/household/phone-links', undefined, 201)).url;
    phone = new FamilyClient(api.url, new URL(linkUrl).hash.replace('#t=', ''));
    // No eye-rest break in the middle of the week's watching.
    await phone.call('PUT', `/v1/household/profiles/${child.id}/controls`, {
      ...child.controls,
      breakEveryMinutes: 120,
    });

    const today = localToday();
    const monday = mondayOf(today);
    for (const [dayIndex, seconds] of Object.entries(WATCHING)) {
      const date = addDays(monday, Number(dayIndex));
      if (date >= today) continue;
      await shiftServerClock(box, clockFile, child.id, offsetTo(date));
      const beats = seconds.flatMap((s, i) => (s > 0 ? [heartbeat(child.id, lessons[i]!, s)] : []));
      await box.call('POST', '/v1/household/heartbeats', { heartbeats: beats });
    }
    await shiftServerClock(box, clockFile, child.id, 0);
    // Today the first lesson is watched to its end: one lesson completed this week.
    const beats = TODAY_WATCHING.flatMap((s, i) =>
      s > 0 ? [heartbeat(child.id, lessons[i]!, s, i === 0)] : [],
    );
    await box.call('POST', '/v1/household/heartbeats', { heartbeats: beats });
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    await api?.stop();
    rmSync(workDir, { recursive: true, force: true });
  });

  it('shows the week as the report API has it, in Chinese, on a phone', async () => {
    const report = await phone.call<WeekReport>('GET', `/v1/household/report?profileId=${child.id}`);
    const page = await openPhone();
    await page.getByTestId('week-chart').locator('svg text').first().waitFor();

    // The token moved from the address to this tab's storage.
    expect(new URL(page.url()).hash).toBe('');
    expect(await page.evaluate(() => Object.values(sessionStorage))).toContain(phone.token);

    const chart = await readChart(page);
    const dayLabels = report.days.map((day) =>
      new Intl.DateTimeFormat('zh-CN', { weekday: 'short', timeZone: 'UTC' }).format(
        new Date(`${day.date}T00:00:00Z`),
      ),
    );
    expect(dayLabels[0]).toBe('周一');
    for (const label of dayLabels) expect(chart.texts).toContain(label);
    const series = expectedSeries(report);
    expect(series.size).toBeGreaterThanOrEqual(2);
    expect(chart.series, chart.description).toEqual(Object.fromEntries(series));
    for (const name of series.keys()) expect(chart.texts).toContain(name);
    // The drawn bars: each stack as tall as its day's minutes.
    expect(chart.stackHeightsPerMinute.length).toBeGreaterThanOrEqual(2);
    const [first, ...others] = chart.stackHeightsPerMinute;
    for (const ratio of others) expect(ratio).toBeCloseTo(first!, 0);

    expect(report.completedLessons.length).toBe(1);
    expect(await readStats(page)).toEqual({
      minutes: String(Math.round(report.totalSeconds / 60)),
      completed: String(report.completedLessons.length),
      streak: String(report.streakDays),
    });
    expect(await page.getByTestId('next-lessons').locator('li').count()).toBe(report.nextLessons.length);
    await page.locator('.completed summary').click();
    expect(await page.locator('.completed li').allInnerTexts()).toEqual(
      report.completedLessons.map((lesson) => lesson.title.zh),
    );
    expect(await scrollOverflow(page)).toBe(0);
    await saveScreenshot(page, 'phone-week');
    await page.close();
  }, 60_000);

  it('changes the daily quota, the name and the PIN, and the API has them', async () => {
    const page = await openPhone();
    await page.getByTestId('quota-toggle').check();
    await page.getByTestId('quota-input').fill('45');
    await page.getByTestId('quota-input').blur();
    await page.getByTestId('bedtime-toggle').check();
    await page.getByTestId('bedtime-start').fill('20:30');
    await page.getByTestId('allow-list-toggle').check();
    const firstSubject = page.getByTestId('controls-form').locator('.chip input').first();
    await page.getByTestId('controls-form').locator('.chip').first().click();
    await page.getByTestId('controls-save').click();
    await page.getByTestId('controls-form').getByTestId('saved').waitFor();
    const household = await box.call<{ profiles: Profile[] }>('GET', '/v1/household');
    const controls = household.profiles.find((p) => p.id === child.id)!.controls;
    expect(controls.dailyQuotaMinutes).toBe(45);
    expect(controls.bedtime).toEqual({ start: '20:30', end: '07:00' });
    expect(controls.allowList).toEqual({ subjectIds: [await firstSubject.inputValue()], sectionIds: [] });

    await page.getByTestId('name-input').fill('小红');
    await page.getByTestId('name-form').getByRole('button').click();
    await page.getByTestId('name-form').getByTestId('saved').waitFor();
    const renamed = await box.call<{ profiles: Profile[] }>('GET', '/v1/household');
    expect(renamed.profiles.find((p) => p.id === child.id)!.name).toBe('小红');
    expect(await page.getByRole('tab', { selected: true }).innerText()).toContain('小红');

    await page.getByTestId('pin-input').fill('2468');
    await page.getByTestId('pin-form').getByRole('button').click();
    await page.getByTestId('pin-done').waitFor();
    await box.call('POST', '/v1/household/pin/checks', { pin: '2468' }, 204);

    expect(await scrollOverflow(page)).toBe(0);
    await saveScreenshot(page, 'phone-rules', { fullPage: true });
    await page.close();
  }, 60_000);

  it('follows an English browser, and switches to Chinese', async () => {
    const page = await openPhone('en-US');
    await page.getByTestId('week-chart').locator('svg text').first().waitFor();
    expect(await page.getByRole('heading', { level: 2 }).first().innerText()).toBe('This week');
    expect((await readChart(page)).texts).toContain('Mon');
    expect(await scrollOverflow(page)).toBe(0);
    await saveScreenshot(page, 'phone-en');
    await page.getByRole('button', { name: 'Switch language' }).click();
    expect(await page.getByRole('heading', { level: 2 }).first().innerText()).toBe('本周学习');
    await page.close();
  }, 60_000);

  it('asks to scan the code on the TV again once the link has expired', async () => {
    await shiftServerClock(box, clockFile, child.id, 31 * 60_000);
    const page = await openPhone();
    await page.getByTestId('rescan').waitFor();
    expect(await page.getByRole('heading', { level: 1 }).last().innerText()).toBe('请重新扫描电视上的二维码');
    expect(await page.evaluate(() => Object.values(sessionStorage))).not.toContain(phone.token);
    await phone.call('GET', '/v1/household', undefined, 401);
    await saveScreenshot(page, 'phone-rescan');
    await page.close();

    // Opened without any link (a bookmark, another tab): the same screen, and no API call can succeed.
    const bare = await browser.newPage({ viewport: PHONE, locale: 'zh-CN' });
    await bare.goto(new URL('/family/', api.url).href);
    await bare.getByTestId('rescan').waitFor();
    await bare.close();
  }, 60_000);
});
