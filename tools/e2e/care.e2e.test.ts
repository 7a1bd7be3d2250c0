// Parental care against the REAL content API (family routes, embedded store) and the really packaged demo
// lesson, in Chromium, by keys: the PIN set in Settings, a child's quota saved with it; most of the quota spent
// through the real heartbeat API (with the household token the app stored) so a break runs and the quota runs
// out seconds into playback; the PIN ends the break and adds 15 minutes; a restart with the family API
// unreachable still holds a spent quota (what the box last knew); five wrong PINs lock it.
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, openTv, saveScreenshot } from './browser.ts';
import { buildTvApp } from './build-app.ts';
import {
  boxWithChild,
  careCardShown,
  expectCareCard,
  lockPinInSettings,
  PIN,
  saveQuotaInSettings,
  unlockCardWithPin,
  waitFor,
  waitForControlsHidden,
  waitForPlaying,
} from './care-flow.ts';
import { SERVER_ENTRY, startContentApi, type RunningApi } from './content-api-server.ts';
import { prepareDemoMedia } from './demo-media.ts';
import type { FamilyClient } from './family-flow.ts';

type Usage = { remainingSeconds: number | null; quotaSeconds: number | null; breakEndsAt: string | null };
type Household = {
  pinSet: boolean;
  profiles: { id: string; controls: { dailyQuotaMinutes: number | null } }[];
};

const QUOTA_SECONDS = 30 * 60;
/** Left of the quota when playback starts: the quota card comes this many seconds into the lesson. */
const LEFT_SECONDS = 8;

const canRun = existsSync(SERVER_ENTRY) || process.env.CI === 'true';

describe.runIf(canRun)('TV parental care against the content API', () => {
  let api: RunningApi;
  let browser: Browser;
  let page: Page;
  let lessonId: string;
  let family: FamilyClient;
  let profileId: string;

  beforeAll(async () => {
    const [media] = await Promise.all([prepareDemoMedia(), buildTvApp()]);
    lessonId = media.lessonId;
    api = await startContentApi(media);
    browser = await launchChromium();
    page = await openTv(browser, `${api.url}/`);
    // The app asked for its household credential on this first start and has no profile yet: a child of the
    // demo lesson's grade (a child profile needs one).
    const lesson = (await (await fetch(`${api.url}/v1/lessons/${lessonId}`)).json()) as {
      grade?: { id: string };
    };
    ({ family, profileId } = await boxWithChild(page, api.url, lesson.grade?.id));
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    await api?.stop();
  });

  it('sets the PIN in Settings (twice), then saves a daily quota with it', async () => {
    await saveQuotaInSettings(page);
    const household = await waitFor(
      'quota saved',
      () => family.call<Household>('GET', '/v1/household'),
      (h) => h.profiles[0]?.controls.dailyQuotaMinutes === 30,
    );
    expect(household.pinSet).toBe(true);
    await saveScreenshot(page, 'care-api-settings');
  }, 120_000);

  it('holds playback for the break and then the spent quota; the PIN ends one and adds 15 minutes to the other', async () => {
    const answer = await family.call<{ usage: Usage[] }>('POST', '/v1/household/heartbeats', {
      heartbeats: [
        {
          id: randomUUID(),
          profileId,
          lessonId,
          positionSeconds: 0, // no resume point: the lesson (19 s) must outlast the quota's last seconds
          durationSeconds: 19,
          watchedSeconds: QUOTA_SECONDS - LEFT_SECONDS,
          reason: 'stop',
          at: new Date().toISOString(),
        },
      ],
    });
    expect(answer.usage[0]).toMatchObject({ remainingSeconds: LEFT_SECONDS });
    expect(answer.usage[0]?.breakEndsAt).not.toBeNull(); // 29+ minutes without a break

    await page.goto(`${api.url}/#/play/${lessonId}`);
    await expectCareCard(page, 'break', '家长解锁', 'care-api-break');
    await unlockCardWithPin(page);

    await expectCareCard(page, 'quota', '再看 15 分钟', 'care-api-quota', 40_000);
    await waitForControlsHidden(page);
    await unlockCardWithPin(page);
    const usage = await family.call<Usage>('GET', `/v1/household/profiles/${profileId}/usage`);
    expect(usage.quotaSeconds).toBe(QUOTA_SECONDS + 15 * 60);
  }, 150_000);

  it('still holds the spent quota after a restart with the family API unreachable, and lets go once it answers', async () => {
    const usagePath = `/v1/household/profiles/${profileId}/usage`;
    const { remainingSeconds } = await family.call<Usage>('GET', usagePath);
    await family.call('POST', '/v1/household/heartbeats', {
      heartbeats: [
        {
          id: randomUUID(),
          profileId,
          lessonId,
          positionSeconds: 0,
          durationSeconds: 19,
          watchedSeconds: remainingSeconds,
          reason: 'stop',
          at: new Date().toISOString(),
        },
      ],
    });
    // From the start (?t=0): no resume seek lands while the card is checked for holding the video still.
    await page.goto(`${api.url}/#/play/${lessonId}?t=0`);
    await page.reload();
    await expectCareCard(page, 'quota', '再看 15 分钟', 'care-api-quota-online');

    // The box restarts while the family API cannot be reached (catalogue and media still can).
    const blocked: string[] = [];
    await page.route(/\/v1\/household/, (route) => {
      blocked.push(route.request().url());
      return route.abort('connectionrefused');
    });
    await page.reload();
    await expectCareCard(page, 'quota', '再看 15 分钟', 'care-api-quota-offline');
    expect(blocked.some((url) => url.endsWith(usagePath))).toBe(true); // it asked, and got no answer

    // The server answers again, with 15 more minutes: the gate, which asks every 30 s, lets the lesson play.
    await family.call('POST', `${usagePath}/extensions`, { minutes: 15 }, 200, { 'X-Parental-Pin': PIN });
    await page.unroute(/\/v1\/household/);
    await waitFor(
      'no card',
      () => careCardShown(page),
      (card) => card === 'none',
      45_000,
    );
    await waitForPlaying(page);
  }, 150_000);

  it('locks the PIN after five wrong tries and shows the wait', async () => {
    await lockPinInSettings(page, api.url);
    await saveScreenshot(page, 'care-api-pin-locked');
    const check = await fetch(`${api.url}/v1/household/pin/checks`, {
      method: 'POST',
      headers: { authorization: `Bearer ${family.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ pin: PIN }),
    });
    expect(check.status).toBe(429); // even the right PIN waits
  }, 90_000);
});
