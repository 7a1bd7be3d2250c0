import { spawn } from 'node:child_process';
import { readFileSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { JobStore, packageTitle } from '../../src/index.ts';
import { makeClip, makeTempDir, requireTools, TEST_LADDER, TEST_PRESETS } from '../support/fixtures.ts';

const CLI = fileURLToPath(new URL('../../src/cli.ts', import.meta.url));
const dir = makeTempDir('resume');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Polls job.json until `stage` is reached (or the deadline passes). */
async function waitForStage(
  store: JobStore,
  assetId: string,
  stage: string,
  deadlineMs: number,
): Promise<void> {
  const end = Date.now() + deadlineMs;
  while (Date.now() < end) {
    const state = await store.read(assetId).catch(() => undefined);
    if (state?.stage === stage) return;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error(`job ${assetId} never reached ${stage}`);
}

describe('a killed job', () => {
  it('has published H.264 already, resumes without redoing finished renditions, and completes', async () => {
    requireTools();
    const input = makeClip(dir, 'resume-me.mp4', { seconds: 8, width: 640, height: 360 });
    const outRoot = path.join(dir, 'media');
    const jobsRoot = path.join(dir, 'jobs');
    const options = {
      input,
      assetId: 'resume-me',
      codecs: ['h264', 'av1'] as ('h264' | 'av1')[],
      h264First: true,
      outRoot,
      jobsRoot,
    };
    const ladder = { h264: TEST_LADDER.h264, av1: TEST_LADDER.av1 };
    // The CLI takes no ladder flags, so the killed run goes through the library in a child process.
    const script = `import { packageTitle } from ${JSON.stringify(path.resolve(CLI, '../index.ts'))};
      await packageTitle(${JSON.stringify({ ...options, ladder, presets: { ...TEST_PRESETS, av1: '8' } })});`;
    // Its own process group, so the kill takes node and its ffmpeg together, like a machine going down.
    const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
      stdio: 'ignore',
      detached: true,
    });
    const store = new JobStore(jobsRoot);
    await waitForStage(store, 'resume-me', 'encode:av1', 60_000);
    const exited = new Promise((resolve) => child.on('exit', resolve));
    process.kill(-(child.pid ?? 0), 'SIGKILL');
    await exited;

    const killed = await store.read('resume-me');
    expect(killed?.status).toBe('running');
    expect(killed?.doneSteps).toContain('publish:h264');
    const published = JSON.parse(readFileSync(path.join(outRoot, 'resume-me/asset.json'), 'utf8'));
    expect(published.renditions.map((r: { codecFamily: string }) => r.codecFamily)).toEqual(['h264', 'h264']);
    const h264File = path.join(jobsRoot, 'resume-me/encode/h264-360p.mp4');
    const h264Before = statSync(h264File).mtimeMs;

    const result = await packageTitle({ ...options, ladder, presets: { ...TEST_PRESETS, av1: '8' } });
    expect(result.resumedSteps).toEqual(
      expect.arrayContaining(['plan', 'encode:audio', 'encode:h264', 'publish:h264']),
    );
    expect(result.resumedSteps).not.toContain('encode:av1');
    expect(statSync(h264File).mtimeMs).toBe(h264Before);
    expect(result.asset.renditions.map((r) => r.codecFamily).sort()).toEqual(['av1', 'av1', 'h264', 'h264']);
    expect((await store.read('resume-me'))?.status).toBe('done');
  }, 120_000);
});

describe('a family that fails in the process that encodes another', () => {
  it('keeps the family that works for the resume and reports the failing one', async () => {
    requireTools();
    const input = makeClip(dir, 'half-fails.mp4', { seconds: 4, width: 640, height: 360 });
    const jobsRoot = path.join(dir, 'jobs-half');
    const outRoot = path.join(dir, 'media-half');
    // SVT-AV1 refuses a preset it does not know, which stops the process encoding HEVC and AV1; each is then
    // encoded alone, so HEVC is kept.
    const run = packageTitle({
      input,
      assetId: 'half-fails',
      h264First: true,
      ladder: TEST_LADDER,
      presets: { ...TEST_PRESETS, av1: '99' },
      outRoot,
      jobsRoot,
    });
    await expect(run).rejects.toMatchObject({ name: 'StageError', stage: 'encode:av1' });

    const state = await new JobStore(jobsRoot).read('half-fails');
    expect(state?.status).toBe('failed');
    expect(state?.doneSteps).toEqual(expect.arrayContaining(['encode:h264', 'publish:h264', 'encode:hevc']));
    expect(state?.doneSteps).not.toContain('encode:av1');
    expect(statSync(path.join(jobsRoot, 'half-fails/encode/hevc-360p.mp4')).size).toBeGreaterThan(0);
    const published = JSON.parse(readFileSync(path.join(outRoot, 'half-fails/asset.json'), 'utf8'));
    expect(new Set(published.renditions.map((r: { codecFamily: string }) => r.codecFamily))).toEqual(
      new Set(['h264']),
    );
  }, 120_000);
});
