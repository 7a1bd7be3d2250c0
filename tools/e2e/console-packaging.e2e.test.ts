// Packaging from the console (issue 13), in Chromium against the real content API (demo catalogue, fresh
// store, a scratch media folder): sign in → 视频打包 → upload a small ffmpeg-made clip with tus-js-client →
// choose a lesson with the week builder's picker → package it at 144p/240p H.264 → the job list shows it
// running and done → the quality plot is drawn → the lesson is playable. A file that is not video is refused
// on the page, naming the problem. Screenshot: console-packaging (1440×900).
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeNotVideo, makePaddedClip, makeTinyClip } from '../../content-api/test/support/tiny-video.ts';
import { launchChromium } from './browser.ts';
import { buildWebPages } from './build-app.ts';
import { SERVER_ENTRY, startContentApi, type RunningApi } from './content-api-server.ts';
import { ADMIN_PASSWORD, apiSession, callAs, consoleShot, openConsole, signIn } from './console-flow.ts';

const canRun = existsSync(SERVER_ENTRY) || process.env.CI === 'true';
const JOB_TIMEOUT_MS = 180_000;
/** The console's tus chunk (tus-upload.ts): the padded clip takes two. */
const CHUNK_BYTES = 8 * 1024 * 1024;

describe.runIf(canRun)('the operator console packages an uploaded video for a lesson', () => {
  let api: RunningApi;
  let browser: Browser;
  let page: Page;
  let scratch: string;

  beforeAll(async () => {
    scratch = mkdtempSync(path.join(tmpdir(), 'ketang-console-packaging-'));
    await buildWebPages();
    api = await startContentApi({
      mediaDir: path.join(scratch, 'media'),
      env: { KETANG_ADMIN_PASSWORD: ADMIN_PASSWORD },
    });
    browser = await launchChromium();
    page = await openConsole(browser, api.url);
  }, 600_000);

  afterAll(async () => {
    await browser?.close();
    await api?.stop();
    if (scratch) rmSync(scratch, { recursive: true, force: true });
  });

  it(
    'uploads, packages, shows progress and the quality plot, and the lesson plays',
    async () => {
      await signIn(page, 'admin', ADMIN_PASSWORD);
      await page.getByRole('link', { name: '视频打包' }).click();
      await page.getByRole('heading', { name: '视频打包' }).waitFor();

      await page.getByLabel('选择视频文件').setInputFiles(makeTinyClip(scratch, '认识图形.mp4'));
      await page.getByText('上传完成，已确认是视频文件。').waitFor({ timeout: 60_000 });

      await page.getByRole('button', { name: '选择课程…' }).click();
      const option = page.getByRole('listbox').getByRole('option').first();
      await option.waitFor();
      const lessonTitle = (await option.locator('span').first().innerText()).trim();
      await option.click();
      await page.getByText(lessonTitle, { exact: false }).first().waitFor();
      await page.getByRole('checkbox', { name: '144p' }).check();
      await page.getByRole('checkbox', { name: '240p' }).check();
      await page.getByRole('button', { name: '开始打包' }).click();
      // The upload went to the job (the server deletes it once packaged): starting again asks for a new one.
      await page.getByText('这个文件已交给打包任务；要再打包，请再上传一次。').waitFor();
      expect(await page.getByRole('button', { name: '开始打包' }).isDisabled()).toBe(true);

      // The list is polled: the job is seen under way, then done.
      const row = page.locator('table.packaging-jobs tbody tr').first();
      await row.locator('td', { hasText: '认识图形.mp4' }).waitFor();
      const running = page.locator('table.packaging-jobs tr[data-state="running"]').first();
      await running.waitFor({ timeout: 60_000 });
      expect(await running.locator('.job-progress').innerText()).toMatch(/%/);
      await page
        .locator('table.packaging-jobs tr[data-state="done"]')
        .first()
        .waitFor({ timeout: JOB_TIMEOUT_MS });
      await expect(row.locator('.job-progress').innerText()).resolves.toContain('100%');

      for (const metric of ['ssim', 'psnr']) {
        const chart = page.getByTestId(`quality-chart-${metric}`);
        await chart.locator('svg path').first().waitFor({ state: 'attached' });
        // One point per rung, labelled with its height.
        await chart.getByText('144p').first().waitFor();
        await chart.getByText('240p').first().waitFor();
      }
      const report = page.getByRole('heading', { name: /质量报告 · 认识图形\.mp4/ });
      await report.waitFor();
      await expect(row.locator('td').nth(1).innerText()).resolves.toBe(lessonTitle);
      await page.mouse.wheel(0, 2000); // the plot at the bottom of the screen, with the job list above it
      await consoleShot(page, 'packaging');

      const token = await apiSession(api.url, 'admin', ADMIN_PASSWORD);
      const jobs = await (await callAs(api.url, token, 'GET', '/v1/operator/packaging-jobs')).json();
      const job = jobs.items[0] as { lessonId: string; state: string; quality: unknown[] };
      expect(job.state).toBe('done');
      expect(job.quality).toHaveLength(2);
      // The video is attached to the lesson as a draft; a release publishes it to the boxes.
      const release = await callAs(api.url, token, 'POST', '/v1/operator/regions/national/releases', {});
      expect(release.status).toBe(201);
      const lesson = await (await fetch(`${api.url}/v1/lessons/${job.lessonId}`)).json();
      expect(lesson.playability.playable).toBe(true);
    },
    JOB_TIMEOUT_MS + 120_000,
  );

  it('refuses a file that is not video, naming the problem', async () => {
    await page.getByLabel('选择视频文件').setInputFiles(makeNotVideo(scratch, '教案.mp4'));
    const refusal = page.getByRole('alert').filter({ hasText: '这不是可打包的视频文件' });
    await refusal.waitFor({ timeout: 60_000 });
    expect(await refusal.innerText()).toContain('教案.mp4');
    await expect(page.getByRole('button', { name: '开始打包' }).isDisabled()).resolves.toBe(true);
  }, 120_000);

  it('goes on with an upload after a reload from where it stopped, and pauses and resumes', async () => {
    const file = makePaddedClip(scratch, '长视频.mp4', CHUNK_BYTES + 1024 * 1024);
    const patchOffsets: string[] = [];
    let creations = 0;
    page.on('request', (request) => {
      if (!request.url().includes('/v1/operator/uploads')) return;
      if (request.method() === 'POST') creations++;
      if (request.method() === 'PATCH') patchOffsets.push(request.headers()['upload-offset'] ?? '');
    });
    // The network drops after the first chunk: every later PATCH fails until the page is reloaded.
    await page.route('**/v1/operator/uploads/*', (route) =>
      route.request().method() === 'PATCH' && patchOffsets.length > 1
        ? route.abort('connectionreset')
        : route.continue(),
    );
    await page.getByLabel('选择视频文件').setInputFiles(file);
    await page.getByRole('alert').filter({ hasText: '上传失败' }).waitFor({ timeout: 60_000 });
    expect(patchOffsets[0]).toBe('0');

    await page.unroute('**/v1/operator/uploads/*');
    await page.reload();
    await page.getByText('有未传完的上传：长视频.mp4').waitFor();
    // Held PATCHes, so that there is time to pause one.
    let release: () => void = () => {};
    await page.route('**/v1/operator/uploads/*', async (route) => {
      if (route.request().method() === 'PATCH') await new Promise<void>((resolve) => (release = resolve));
      await route.continue().catch(() => undefined); // a paused upload's request is gone
    });
    patchOffsets.length = 0;
    await page.getByLabel('选择视频文件').setInputFiles(file);
    await page.getByRole('button', { name: '暂停' }).click();
    await page.getByText('已暂停').waitFor();
    release();
    await page.unroute('**/v1/operator/uploads/*');
    await page.getByRole('button', { name: '继续上传' }).click();
    await page.getByText('上传完成，已确认是视频文件。').waitFor({ timeout: 60_000 });
    // After the reload it went on from the first chunk's end, never from 0, and created no new upload. (After the
    // pause, the server may have kept part of the held PATCH: the resumed one starts where the server says.)
    expect(patchOffsets[0]).toBe(String(CHUNK_BYTES));
    expect(patchOffsets.every((offset) => Number(offset) >= CHUNK_BYTES)).toBe(true);
    expect(creations).toBe(1); // the one before the reload
  }, 180_000);
});
