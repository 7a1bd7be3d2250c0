import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import * as tus from 'tus-js-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../src/server.ts';
import { RESTART_REASON } from '../../src/services/packaging/packaging-jobs.service.ts';
import { buildFixtureCatalogue } from '../fixtures/catalogue.ts';
import { ADMIN_PASSWORD, getJson, sendJson, startApi } from '../support/api.ts';
import { embeddedBackend } from '../support/backends.ts';
import { bearer, operatorTokens } from '../support/operators.ts';
import { makeNotVideo, makeTinyClip } from '../support/tiny-video.ts';

const UPLOADS = '/v1/operator/uploads';
const JOBS = '/v1/operator/packaging-jobs';
const LESSON = 'l-add-10';
/** Small, so that "too large" is cheap to ask for; the clip is far below it. */
const MAX_BYTES = 2 * 1024 * 1024;

type Job = {
  id: string;
  state: string;
  assetId: string;
  progress: { stage: string; percent: number };
  error?: string;
  quality?: {
    id: string;
    family: string;
    height: number;
    averageKbps: number;
    ssim?: number;
    psnr?: number;
  }[];
};

/** Uploads a buffer with tus-js-client (the console's library) and answers the upload URL. */
function tusUpload(
  base: string,
  token: string,
  bytes: Buffer,
  options: { fileName: string; uploadUrl?: string; onProgress?: (sent: number) => void },
): Promise<string> {
  return new Promise((resolve, reject) => {
    const upload = new tus.Upload(bytes, {
      endpoint: `${base}${UPLOADS}`,
      ...(options.uploadUrl ? { uploadUrl: options.uploadUrl } : {}),
      headers: bearer(token),
      metadata: { filename: options.fileName, filetype: 'video/mp4' },
      chunkSize: 64 * 1024,
      retryDelays: [],
      onProgress: (sent) => options.onProgress?.(sent),
      onError: reject,
      onSuccess: () => resolve(upload.url!),
    });
    upload.start();
  });
}

/** A PATCH whose connection breaks after `sent` of its `bytes`: what a dropped network leaves. */
function interruptedPatch(url: string, token: string, bytes: Buffer, sent: number): Promise<void> {
  return new Promise((resolve) => {
    const req = request(url, {
      method: 'PATCH',
      headers: {
        ...bearer(token),
        'tus-resumable': '1.0.0',
        'upload-offset': '0',
        'content-type': 'application/offset+octet-stream',
        'content-length': String(bytes.length),
      },
    });
    req.on('error', () => resolve());
    req.on('response', () => resolve());
    req.write(bytes.subarray(0, sent), () => setTimeout(() => (req.destroy(), resolve()), 300));
  });
}

const tusHeaders = (token: string, extra: Record<string, string> = {}) => ({
  ...bearer(token),
  'tus-resumable': '1.0.0',
  ...extra,
});

async function waitForJob(base: string, token: string, id: string, until: (job: Job) => boolean) {
  const seen: Job[] = [];
  for (let attempt = 0; attempt < 600; attempt++) {
    const answer = await getJson(base, `${JOBS}/${id}`, { headers: bearer(token) });
    expect(answer.status).toBe(200);
    seen.push(answer.body);
    if (until(answer.body)) return { job: answer.body as Job, seen };
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`job ${id} never got there; last ${JSON.stringify(seen.at(-1))}`);
}

describe('packaging from the console: tus uploads and packaging jobs', () => {
  let api: RunningServer;
  let storage: { dataDir: string };
  let tokens: Record<string, string>;
  let scratch: string;
  let clip: Buffer;
  let uploadUrl: string;

  beforeAll(async () => {
    scratch = mkdtempSync(path.join(tmpdir(), 'ketang-packaging-'));
    clip = readFileSync(makeTinyClip(scratch));
    storage = await embeddedBackend.open();
    api = await startApi(storage, buildFixtureCatalogue(), { config: { uploadMaxBytes: MAX_BYTES } });
    tokens = await operatorTokens(api.url);
  });

  afterAll(async () => {
    await api?.close();
    await embeddedBackend.shutdown();
    rmSync(scratch, { recursive: true, force: true });
  });

  it('resumes an upload after a PATCH broke off, from the offset HEAD reports', async () => {
    const created = await getJson(api.url, UPLOADS, {
      method: 'POST',
      headers: tusHeaders(tokens.curator!, {
        'upload-length': String(clip.length),
        'upload-metadata': `filename ${Buffer.from('三角形.mp4').toString('base64')}`,
      }),
    });
    expect(created.status).toBe(201);
    uploadUrl = new URL(created.headers.get('location')!, api.url).href;
    expect(uploadUrl).toMatch(/\/v1\/operator\/uploads\/[0-9a-f]{32}$/);
    // It expires KETANG_UPLOAD_EXPIRY_HOURS (48) after it was created, as tus's Upload-Expires says.
    const expires = Date.parse(created.headers.get('upload-expires') ?? '');
    expect(expires - Date.now()).toBeGreaterThan(47 * 3_600_000);

    await interruptedPatch(uploadUrl, tokens.curator!, clip, Math.floor(clip.length / 2));
    const head = await fetch(uploadUrl, { method: 'HEAD', headers: tusHeaders(tokens.curator!) });
    expect(head.status).toBe(200);
    const offset = Number(head.headers.get('upload-offset'));
    expect(offset).toBeGreaterThan(0);
    expect(offset).toBeLessThan(clip.length);
    expect(Number(head.headers.get('upload-length'))).toBe(clip.length);

    // tus-js-client asks HEAD and sends only the rest.
    const progress: number[] = [];
    const url = await tusUpload(api.url, tokens.curator!, clip, {
      fileName: '三角形.mp4',
      uploadUrl,
      onProgress: (sent) => progress.push(sent),
    });
    expect(url).toBe(uploadUrl);
    expect(progress[0]).toBeGreaterThanOrEqual(offset);
    const done = await fetch(uploadUrl, { method: 'HEAD', headers: tusHeaders(tokens.curator!) });
    expect(done.headers.get('upload-offset')).toBe(String(clip.length));
  });

  it('packages the upload at low rungs, registers the asset and attaches it to the lesson as a draft a release publishes', async () => {
    const before = await getJson(api.url, `/v1/lessons/${LESSON}`);
    expect(before.body.playability.playable).toBe(false);
    const uploadId = uploadUrl.split('/').at(-1)!;
    const created = await sendJson(
      api.url,
      JOBS,
      'POST',
      { uploadId, lessonId: LESSON, families: ['h264'], heights: [240, 144] },
      bearer(tokens.curator!),
    );
    expect(created.status, JSON.stringify(created.body)).toBe(202);
    expect(created.body).toMatchObject({ state: 'queued', fileName: '三角形.mp4', families: ['h264'] });

    const { job, seen } = await waitForJob(api.url, tokens.curator!, created.body.id, (j) =>
      ['done', 'failed'].includes(j.state),
    );
    expect(job.error).toBeUndefined();
    expect(job.state).toBe('done');
    expect(job.progress).toEqual({ stage: 'done', percent: 100 });
    expect(seen.some((j) => j.state === 'running')).toBe(true);
    expect(job.quality!.map((rung) => rung.id)).toEqual(['h264-144p', 'h264-240p']);
    for (const rung of job.quality!) {
      expect(rung.ssim).toBeGreaterThan(0.5);
      expect(rung.psnr).toBeGreaterThan(15);
      expect(rung.averageKbps).toBeGreaterThan(0);
    }

    const asset = await getJson(api.url, `/v1/operator/assets/${job.assetId}`, {
      headers: bearer(tokens.admin!),
    });
    expect(asset.status).toBe(200);
    const manifest = await fetch(
      new URL(asset.body.dashUrl ?? `/media/${job.assetId}/manifest.mpd`, api.url),
    );
    expect(manifest.status).toBe(200);
    // Attaching the video to the lesson is a curation change: boxes see it once a release publishes it.
    expect((await getJson(api.url, `/v1/lessons/${LESSON}`)).body.playability.playable).toBe(false);
    const release = await sendJson(
      api.url,
      '/v1/operator/regions/national/releases',
      'POST',
      {},
      bearer(tokens.admin!),
    );
    expect(release.status, JSON.stringify(release.body)).toBe(201);
    const lesson = await getJson(api.url, `/v1/lessons/${LESSON}`);
    expect(lesson.body.playability.playable).toBe(true);

    const list = await getJson(api.url, JOBS, { headers: bearer(tokens.admin!) });
    expect(list.body.items.map((j: Job) => j.id)).toContain(job.id);
    // The packaged upload is of no more use: its file and info are gone, and tus no longer knows it.
    const uploadsDir = path.join(storage.dataDir, 'packaging', 'uploads');
    expect(readdirSync(uploadsDir).filter((name) => name.startsWith(uploadId))).toEqual([]);
    const head = await fetch(uploadUrl, { method: 'HEAD', headers: tusHeaders(tokens.admin!) });
    expect(head.status).toBe(404);
    uploadUrl = await tusUpload(api.url, tokens.admin!, clip, { fileName: '三角形.mp4' });
  });

  it('refuses a file that is not video once it is complete, naming the problem, and keeps nothing', async () => {
    const notVideo = readFileSync(makeNotVideo(scratch));
    const error = await tusUpload(api.url, tokens.admin!, notVideo, { fileName: 'notes.mp4' }).then(
      () => undefined,
      (failure: tus.DetailedError) => failure,
    );
    expect(error?.originalResponse?.getStatus()).toBe(422);
    const body = JSON.parse(error!.originalResponse!.getBody());
    expect(body.error.code).toBe('not_video');
    expect(body.error.message).toContain('notes.mp4');
    expect(body.error.message).not.toContain(storage.dataDir);
    const url = error!.originalRequest!.getURL();
    const head = await fetch(url, { method: 'HEAD', headers: tusHeaders(tokens.admin!) });
    expect(head.status).toBe(404);
  });

  it('refuses a file over the size limit with 413, before any byte is sent', async () => {
    const answer = await getJson(api.url, UPLOADS, {
      method: 'POST',
      headers: tusHeaders(tokens.admin!, { 'upload-length': String(MAX_BYTES + 1) }),
    });
    expect(answer.status).toBe(413);
    expect(answer.body.error.code).toBe('too_large');
  });

  it('names an unknown lesson or upload, and keeps roles without the package ability out', async () => {
    const uploadId = uploadUrl.split('/').at(-1)!;
    const unknownLesson = await sendJson(
      api.url,
      JOBS,
      'POST',
      { uploadId, lessonId: 'no-such-lesson' },
      bearer(tokens.admin!),
    );
    expect(unknownLesson.status).toBe(404);
    expect(unknownLesson.body.error.details).toEqual([{ path: 'body.lessonId', message: 'unknown lesson' }]);
    const unknownUpload = await sendJson(
      api.url,
      JOBS,
      'POST',
      { uploadId: 'f'.repeat(32) },
      bearer(tokens.admin!),
    );
    expect(unknownUpload.status).toBe(404);
    expect(unknownUpload.body.error.details[0].path).toBe('body.uploadId');
    const badHeights = await sendJson(
      api.url,
      JOBS,
      'POST',
      { uploadId, heights: [123] },
      bearer(tokens.admin!),
    );
    expect(badHeights.status).toBe(400);
    expect(badHeights.body.error.details[0].path).toBe('body.heights.0');

    for (const role of ['viewer', 'scheduler']) {
      const upload = await getJson(api.url, UPLOADS, {
        method: 'POST',
        headers: tusHeaders(tokens[role]!, { 'upload-length': '10' }),
      });
      expect(upload.status, role).toBe(403);
      const job = await sendJson(api.url, JOBS, 'POST', { uploadId }, bearer(tokens[role]!));
      expect(job.status, role).toBe(403);
      expect((await getJson(api.url, JOBS, { headers: bearer(tokens[role]!) })).status).toBe(403);
    }
    const malformed = await getJson(api.url, UPLOADS, {
      method: 'POST',
      headers: { ...bearer(tokens.admin!), 'upload-length': 'ten' },
    });
    expect(malformed.status).toBe(400);
    expect(malformed.body.error.details).toEqual([
      expect.objectContaining({ path: 'headers.upload-length' }),
    ]);
    const anonymous = await getJson(api.url, UPLOADS, {
      method: 'POST',
      headers: { 'tus-resumable': '1.0.0' },
    });
    expect(anonymous.status).toBe(401);
    const jobs = await getJson(api.url, JOBS, { headers: bearer(tokens.admin!) });
    expect(jobs.body.items).toHaveLength(1); // nothing refused was queued
  });

  it('keeps jobs across a restart: one running then has failed, saying why', async () => {
    const uploadId = uploadUrl.split('/').at(-1)!;
    const created = await sendJson(
      api.url,
      JOBS,
      'POST',
      { uploadId, families: ['h264'], heights: [144] },
      bearer(tokens.admin!),
    );
    expect(created.status).toBe(202);
    await waitForJob(api.url, tokens.admin!, created.body.id, (j) => j.state === 'running');
    await api.close();
    // Stopping the API stopped the job's process and the encoders it started.
    const ps = execFileSync('ps', ['-eo', 'pid,args'], { encoding: 'utf8' });
    expect(ps.split('\n').filter((line) => line.includes(created.body.assetId))).toEqual([]);
    api = await startApi(storage, undefined, { config: { uploadMaxBytes: MAX_BYTES } });
    const admin = await sendJson(api.url, '/v1/operator/sessions', 'POST', {
      username: 'admin',
      password: ADMIN_PASSWORD,
    });
    const after = await getJson(api.url, `${JOBS}/${created.body.id}`, { headers: bearer(admin.body.token) });
    expect(after.body).toMatchObject({ state: 'failed', error: RESTART_REASON });
    const list = await getJson(api.url, JOBS, { headers: bearer(admin.body.token) });
    expect(list.body.items.find((j: Job) => j.state === 'done')).toBeDefined();
    // A failed job keeps its upload, so that it can be started again (until the upload expires).
    const head = await fetch(`${api.url}${UPLOADS}/${uploadId}`, {
      method: 'HEAD',
      headers: tusHeaders(admin.body.token),
    });
    expect(head.status).toBe(200);
  });
});
