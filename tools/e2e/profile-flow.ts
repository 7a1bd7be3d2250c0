/// <reference lib="dom" />
// (page.evaluate callbacks run in the browser)
// The family steps of the TV journey: a first profile made by keys, where Home shows the first playable
// lesson of the child's home, and the profile's progress read back from the API with the box's credential.
import type { Page } from 'playwright-core';
import type { ProfileHome as HomeDocument } from '@ketang/contract';
import { withTileProgress } from '@ketang/contract/profile-home-progress';
import { saveScreenshot } from './browser.ts';
import { focusedText, press, waitForFocus, waitForHash } from './remote.ts';

type Lesson = {
  id: string;
  playable: boolean;
  title: { zh: string };
  progress?: { positionSeconds: number; completed: boolean };
};
type ProfileHome = { today: Lesson[]; rails: { kind: string; items: Lesson[] }[] };
export type LessonProgress = { lessonId: string; positionSeconds: number; completed: boolean };

/** The box's credential and active profile, as the app keeps them (src/state/credential.ts, profile.ts). */
export async function boxIdentity(page: Page): Promise<{ token: string; profileId: string }> {
  return page.evaluate(() => ({
    token: (JSON.parse(localStorage.getItem('ketang.household') ?? '{}') as { token: string }).token,
    profileId: localStorage.getItem('ketang.profileId') ?? '',
  }));
}

async function familyGet<T>(page: Page, apiUrl: string, path: string): Promise<T> {
  const { token } = await boxIdentity(page);
  const response = await fetch(`${apiUrl}${path}`, { headers: { authorization: `Bearer ${token}` } });
  if (!response.ok) throw new Error(`GET ${path}: ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

/** The child's home as the TV sees it: the rails' tiles carrying the progress the answer sends beside them. */
export async function profileHome(page: Page, apiUrl: string): Promise<ProfileHome> {
  const { profileId } = await boxIdentity(page);
  const path = `/v1/household/profiles/${profileId}/home`;
  return withTileProgress(await familyGet<HomeDocument>(page, apiUrl, path)) as unknown as ProfileHome;
}

export async function lessonProgress(page: Page, apiUrl: string, lessonId: string) {
  const { profileId } = await boxIdentity(page);
  const { items } = await familyGet<{ items: LessonProgress[] }>(
    page,
    apiUrl,
    `/v1/household/profiles/${profileId}/progress?lessonIds=${encodeURIComponent(lessonId)}`,
  );
  return items[0];
}

/** Where Home draws the first playable lesson: today's rail first (when it has lessons), then the rails. */
export function firstPlayable(home: ProfileHome): { down: number; right: number; lesson: Lesson } {
  const rails = [
    ...(home.today.length > 0 ? [{ kind: 'lessons', items: home.today }] : []),
    ...home.rails.filter((rail) => rail.items.length > 0),
  ];
  for (const [down, rail] of rails.entries()) {
    const right = rail.kind === 'lessons' ? rail.items.findIndex((item) => item.playable) : -1;
    if (right >= 0) return { down, right, lesson: rail.items[right]! };
  }
  throw new Error("the child's home has no playable lesson: was the demo lesson packaged?");
}

/** Presses `key` until the focused text is `target` (bounded). */
export async function moveTo(page: Page, key: string, target: string, maxPresses = 8): Promise<void> {
  for (let i = 0; i < maxPresses && (await focusedText(page)) !== target; i++) await press(page, key);
  await waitForFocus(page, (text) => text === target);
}

/**
 * The profile screens by keys only: who it is for, an avatar, a name, and for a child the grade (in the
 * first stage offered). Photographs each step with `prefix`.
 */
export async function createProfileByKeys(
  page: Page,
  prefix: string,
  choice: { kind: '孩子' | '大人'; avatar: string; name: string; grade?: string },
): Promise<void> {
  await waitForFocus(page, (text) => text === '孩子', 20_000);
  await moveTo(page, 'ArrowRight', choice.kind);
  await saveScreenshot(page, `${prefix}create-1-kind`);
  await press(page, 'Enter');
  await waitForFocus(page, (text) => text === '熊猫');
  await moveTo(page, 'ArrowRight', choice.avatar);
  await saveScreenshot(page, `${prefix}create-2-avatar`);
  await press(page, 'Enter');
  await waitForFocus(page, (text) => text.length > 0 && text !== choice.avatar);
  await moveTo(page, 'ArrowRight', choice.name);
  await saveScreenshot(page, `${prefix}create-3-name`);
  await press(page, 'Enter');
  if (choice.kind === '孩子') {
    await waitForFocus(page, (text) => text.endsWith('年级'));
    await moveTo(page, 'ArrowRight', choice.grade ?? '一年级');
    await page.waitForTimeout(300);
    await saveScreenshot(page, `${prefix}create-4-grade`);
    await press(page, 'Enter');
  }
}

/** The lesson page's first button on a lesson left at `seconds` (tv-app lesson.resume with a player clock). */
export function resumeLabel(seconds: number): string {
  const whole = Math.floor(seconds);
  return `继续播放 ${Math.floor(whole / 60)}:${String(whole % 60).padStart(2, '0')}`;
}

/**
 * From the lesson page with its play button focused: OK, play until the video passes `seconds`, Back. Returns
 * where the video was when the app got Back, once the server's progress for the profile says so (±1 s).
 */
export async function playAndLeaveAt(
  page: Page,
  apiUrl: string,
  lessonId: string,
  seconds: number,
): Promise<{ leftAt: number; progress: LessonProgress }> {
  await press(page, 'Enter');
  await waitForHash(page, /^#\/play\//);
  // The video is held where it passes `seconds` (paused in the page, as the remote's Pause key would, but without
  // a key's round trip: on a loaded machine that alone took over a second), then Back.
  await page.evaluate(() => {
    const video = document.getElementById('ketang-video') as HTMLVideoElement;
    const record = () => ((window as unknown as { backAt: number }).backAt = video.currentTime);
    window.addEventListener('keydown', record, { capture: true, once: true });
  });
  await page.evaluate(
    (at) =>
      new Promise<void>((resolve, reject) => {
        const video = document.getElementById('ketang-video') as HTMLVideoElement;
        const giveUp = setTimeout(() => {
          clearInterval(poll);
          reject(new Error(`the video never reached ${at} s`));
        }, 40_000);
        const poll = setInterval(() => {
          if (video.currentTime < at) return;
          video.pause();
          clearInterval(poll);
          clearTimeout(giveUp);
          resolve();
        }, 20);
      }),
    seconds,
  );
  await press(page, 'Escape');
  const leftAt = await page.evaluate(() => (window as unknown as { backAt: number }).backAt);
  await waitForHash(page, /^#\/lesson\//);
  // The Back heartbeat reached the server: the profile's progress is where Back was pressed.
  let progress: LessonProgress | undefined;
  for (let i = 0; i < 50 && Math.abs((progress?.positionSeconds ?? -9) - leftAt) > 1; i++) {
    await page.waitForTimeout(200);
    progress = await lessonProgress(page, apiUrl, lessonId);
  }
  if (!progress || Math.abs(progress.positionSeconds - leftAt) > 1) {
    throw new Error(`progress ${JSON.stringify(progress)} is not where Back was pressed (${leftAt} s)`);
  }
  return { leftAt, progress };
}

/** Where the player started: the video's time once it has data to show. */
export function startedAt(page: Page): Promise<number> {
  return page.evaluate(async () => {
    const video = document.getElementById('ketang-video') as HTMLVideoElement;
    while (video.currentTime === 0 || video.readyState < 2) await new Promise((r) => setTimeout(r, 50));
    return video.currentTime;
  });
}
