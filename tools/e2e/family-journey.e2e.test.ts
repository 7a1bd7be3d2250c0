// Done when (issue 11): one family's evening in Chromium, by keys, against the REAL content API from a fresh
// store: first start → a child's profile without typing → the child's today's lessons → play → Back at 0:12 →
// the app reloaded → the lesson page offers 继续播放 0:12 → it resumes there → the parent sets a PIN and a quota
// → the quota runs out → the break card (its countdown drawn tick after tick) → the PIN unlocks; then bedtime,
// and the profile picker once there are two. Screenshots for the docs: KETANG_DOC_SCREENSHOTS=1 writes them to
// docs/screenshots/ as well.
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import type { LessonDetail } from '@ketang/contract';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, openTv, saveDocScreenshot } from './browser.ts';
import { buildTvApp } from './build-app.ts';
import {
  careCardShown,
  countdownSample,
  expectCareCard,
  PIN,
  sampleCountdown,
  saveQuotaInSettings,
  unlockCardWithPin,
  waitFor,
} from './care-flow.ts';
import { SERVER_ENTRY, startContentApi, type RunningApi } from './content-api-server.ts';
import { E2E_LESSON_ID, prepareDemoMedia } from './demo-media.ts';
import { FamilyClient, type Controls, type Profile } from './family-flow.ts';
import {
  boxIdentity,
  createProfileByKeys,
  firstPlayable,
  moveTo,
  playAndLeaveAt,
  profileHome,
  resumeLabel,
  startedAt,
} from './profile-flow.ts';
import { focusedText, press, waitForFocus, waitForHash } from './remote.ts';

const canRun = existsSync(SERVER_ENTRY) || process.env.CI === 'true';
/** Left of the 30-minute quota when the child plays again: the break the spent minutes start comes first. */
const LEFT_SECONDS = 8;

/** 'HH:MM' in `timeZone`, `minutes` from now. */
function clockIn(timeZone: string, minutes: number): string {
  return new Intl.DateTimeFormat('en-GB', {
    timeZone,
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(new Date(Date.now() + minutes * 60_000));
}

describe.runIf(canRun)("a family's first evening with the TV, by keys", () => {
  let api: RunningApi;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    const [media] = await Promise.all([prepareDemoMedia(), buildTvApp()]);
    api = await startContentApi(media);
    browser = await launchChromium();
    page = await openTv(browser, `${api.url}/`);
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    await api?.stop();
  });

  it('first start → a child → today → 0:12 → reload → 继续播放 0:12 → quota spent → break → PIN', async () => {
    // First start: no profile yet, so the profile screens; a child of the demo lesson's grade, no typing.
    const demo = (await (await fetch(`${api.url}/v1/lessons/${E2E_LESSON_ID}`)).json()) as LessonDetail;
    await waitForHash(page, /^#\/profiles\/new$/, 30_000);
    await createProfileByKeys(page, 'journey-', {
      kind: '孩子',
      avatar: '老虎',
      name: '小宝',
      grade: demo.grade!.name.zh,
    });
    await waitForHash(page, /^#\/$/);
    const home = await profileHome(page, api.url);
    expect(home.today.length, "today's lessons for a new child").toBeGreaterThan(0);
    await waitForFocus(page, (text) => text === home.today[0]!.title.zh, 20_000);
    await page.waitForLoadState('networkidle');
    await page.waitForTimeout(1500);
    await saveDocScreenshot(page, 'tv-child-home');

    // Today's lesson, played and left at 0:12.
    const target = firstPlayable(home);
    await press(page, 'ArrowDown', target.down);
    await press(page, 'ArrowRight', target.right);
    expect(await focusedText(page)).toBe(target.lesson.title.zh);
    await press(page, 'Enter');
    await waitForFocus(page, (text) => text === '播放');
    const { leftAt, progress } = await playAndLeaveAt(page, api.url, target.lesson.id, 12);

    // The box restarts: the lesson page offers to resume at 0:12, and does.
    await page.reload();
    await waitForFocus(page, (text) => text.startsWith('继续播放'), 20_000);
    expect(await focusedText(page)).toBe(resumeLabel(progress.positionSeconds));
    expect(resumeLabel(progress.positionSeconds)).toBe('继续播放 0:12');
    await page.waitForTimeout(500);
    await saveDocScreenshot(page, 'tv-lesson-resume');
    await press(page, 'Enter');
    await waitForHash(page, /^#\/play\//);
    const resumedAt = await startedAt(page);
    expect(Math.abs(resumedAt - leftAt), `resumed at ${resumedAt}, left at ${leftAt}`).toBeLessThanOrEqual(1);
    await press(page, 'Escape');
    await waitForHash(page, /^#\/lesson\//);
    await press(page, 'Escape');
    await waitForHash(page, /^#\/$/);

    // The parent sets a PIN and a 30-minute quota in Settings, by keys.
    await saveQuotaInSettings(page);
    const { token, profileId } = await boxIdentity(page);
    const family = new FamilyClient(api.url, token);
    await waitFor(
      'quota saved',
      () => family.call<{ profiles: Profile[] }>('GET', '/v1/household'),
      (h) => h.profiles[0]?.controls.dailyQuotaMinutes === 30,
    );
    await page.waitForTimeout(800);
    await saveDocScreenshot(page, 'tv-settings');

    // The evening goes on: all but 8 s of the quota watched (as the box's heartbeats would report it, from
    // the start of the lesson), which also starts an eye-rest break.
    const today = await family.call<{ remainingSeconds: number }>(
      'GET',
      `/v1/household/profiles/${profileId}/usage`,
    );
    const answer = await family.call<{ usage: { remainingSeconds: number; breakEndsAt: string | null }[] }>(
      'POST',
      '/v1/household/heartbeats',
      {
        heartbeats: [
          {
            id: randomUUID(),
            profileId,
            lessonId: target.lesson.id,
            positionSeconds: 0,
            durationSeconds: Math.round(demo.durationSeconds),
            watchedSeconds: today.remainingSeconds - LEFT_SECONDS,
            reason: 'stop',
            at: new Date().toISOString(),
          },
        ],
      },
    );
    expect(answer.usage[0]).toMatchObject({ remainingSeconds: LEFT_SECONDS });
    expect(answer.usage[0]?.breakEndsAt).not.toBeNull();

    // Back Home, the same lesson again: the break card holds it, its countdown drawn at every tick.
    await press(page, 'Escape');
    await waitForHash(page, /^#\/$/);
    await waitForFocus(page, (text) => text === target.lesson.title.zh, 20_000);
    await press(page, 'Enter');
    // From the start (the heartbeat said 0), or 从头播放 if the page still offers where Back left it.
    const play = await waitForFocus(page, (text) => text === '播放' || text.startsWith('继续播放'));
    if (play !== '播放') await moveTo(page, 'ArrowRight', '从头播放');
    await press(page, 'Enter');
    await waitForHash(page, /^#\/play\//);
    await expectCareCard(page, 'break', '家长解锁', 'tv-break-card');
    const samples = await sampleCountdown(page, 8);
    for (const sample of samples) {
      expect(sample.text, JSON.stringify(samples)).toMatch(/^\d:\d\d$/);
      expect(sample.textureState, JSON.stringify(samples)).toBe('loaded');
      expect(sample.litPixels, JSON.stringify(samples)).toBeGreaterThan(400);
    }
    expect(new Set(samples.map((sample) => sample.text)).size).toBeGreaterThanOrEqual(6);
    await saveDocScreenshot(page, 'tv-break-card');
    expect((await countdownSample(page)).litPixels).toBeGreaterThan(400);

    // The PIN ends the break; the last 8 s play, then the quota card.
    await unlockCardWithPin(page);
    await expectCareCard(page, 'quota', '再看 15 分钟', 'tv-quota-card', 40_000);
  }, 300_000);

  it('shows the bedtime card inside the bedtime window, and the picker once there are two profiles', async () => {
    const { token, profileId } = await boxIdentity(page);
    const family = new FamilyClient(api.url, token);
    const household = await family.call<{ timeZone: string; profiles: Profile[] }>('GET', '/v1/household');
    const controls = household.profiles.find((profile) => profile.id === profileId)!.controls;
    const bedtime = { start: clockIn(household.timeZone, -60), end: clockIn(household.timeZone, 60) };
    await family.call<Profile>(
      'PUT',
      `/v1/household/profiles/${profileId}/controls`,
      { ...controls, bedtime } satisfies Controls,
      200,
      { 'X-Parental-Pin': PIN },
    );
    await page.goto(`${api.url}/#/play/${E2E_LESSON_ID}`);
    await page.reload();
    await waitFor(
      'bedtime card',
      () => careCardShown(page),
      (card) => card === 'bedtime',
    );
    await waitForFocus(page, (text) => text === '返回');
    await page.waitForTimeout(800);
    await saveDocScreenshot(page, 'tv-bedtime-card');

    // A parent adds themselves (the PIN set above guards it), so the next start asks who is watching.
    await family.call(
      'POST',
      '/v1/household/profiles',
      { kind: 'adult', name: '妈妈', avatar: 'panda' },
      201,
      { 'X-Parental-Pin': PIN },
    );
    await page.goto(`${api.url}/`);
    await page.reload();
    await waitForHash(page, /^#\/profiles$/, 20_000);
    await waitForFocus(page, (text) => text === '小宝', 20_000);
    await page.waitForTimeout(800);
    await saveDocScreenshot(page, 'tv-profile-picker');
  }, 120_000);
});
