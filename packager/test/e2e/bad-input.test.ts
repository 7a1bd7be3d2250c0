import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { InputError, JobStore, packageTitle } from '../../src/index.ts';
import { makeClip, makeTempDir, requireTools, TEST_LADDER, TEST_PRESETS } from '../support/fixtures.ts';

const CLI = fileURLToPath(new URL('../../src/cli.ts', import.meta.url));
const dir = makeTempDir('bad-input');
const outRoot = path.join(dir, 'media');
const jobsRoot = path.join(dir, 'jobs');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function publishFakeAsset(assetId: string): string {
  const assetDir = path.join(outRoot, assetId);
  mkdirSync(assetDir, { recursive: true });
  writeFileSync(path.join(assetDir, 'manifest.mpd'), '<MPD>previous</MPD>');
  return assetDir;
}

describe('bad input', () => {
  it('names the file and the problem for a corrupt input, and leaves the published asset untouched', async () => {
    requireTools();
    const corrupt = path.join(dir, 'corrupt.mp4');
    writeFileSync(corrupt, Buffer.alloc(64 * 1024, 7));
    const assetDir = publishFakeAsset('corrupt');
    const run = packageTitle({ input: corrupt, assetId: 'corrupt', outRoot, jobsRoot });
    await expect(run).rejects.toBeInstanceOf(InputError);
    await expect(run).rejects.toThrow(corrupt);
    expect(readdirSync(outRoot).sort()).toEqual(['corrupt']);
    expect(readFileSync(path.join(assetDir, 'manifest.mpd'), 'utf8')).toBe('<MPD>previous</MPD>');
    const state = await new JobStore(jobsRoot).read('corrupt');
    expect(state?.status).toBe('failed');
    expect(state?.error?.code).toBe('input.unreadable');
  });

  it('rejects a truncated file through the CLI with a clear message and a non-zero exit', () => {
    const good = makeClip(dir, 'whole.mp4', { seconds: 2, width: 320, height: 180 });
    const truncated = path.join(dir, 'truncated.mp4');
    writeFileSync(truncated, readFileSync(good).subarray(0, 2000));
    const run = spawnSync(
      process.execPath,
      ['--import', 'tsx', CLI, 'package', truncated, '--out', outRoot, '--jobs', jobsRoot],
      {
        env: { ...process.env, KETANG_LOCALE: 'en' },
        encoding: 'utf8',
      },
    );
    expect(run.status).not.toBe(0);
    expect(run.stderr).toContain(truncated);
    expect(run.stderr).toMatch(/Cannot read input file|cannot be decoded/);
    expect(readdirSync(outRoot).filter((name) => name.startsWith('.'))).toEqual([]);
    const jobs = execFileSync(process.execPath, ['--import', 'tsx', CLI, 'jobs', '--jobs', jobsRoot], {
      env: { ...process.env, KETANG_LOCALE: 'en' },
      encoding: 'utf8',
    });
    expect(jobs).toMatch(/truncated\tfailed/);
  });

  it('names a bad option and what was expected', async () => {
    const run = packageTitle({
      input: 'x.mp4',
      assetId: 'bad id!',
      outRoot,
      jobsRoot,
      codecs: ['vp9' as 'av1'],
    });
    await expect(run).rejects.toThrow(/assetId: .*codecs\.0/s);
  });

  it('fixes odd sizes, non-square pixels and missing audio, and says so', async () => {
    // FFV1 in Matroska keeps what H.264 would refuse: odd sizes and 4:4:4 chroma.
    const odd = makeClip(dir, 'odd.mkv', {
      seconds: 2,
      width: 320,
      height: 240,
      hasAudio: false,
      extraArgs: ['-c:v', 'ffv1', '-pix_fmt', 'yuv444p', '-vf', 'scale=321:241,setsar=4/3'],
    });
    const result = await packageTitle({
      input: odd,
      assetId: 'odd',
      codecs: ['h264'],
      ladder: { h264: TEST_LADDER.h264 },
      presets: TEST_PRESETS,
      outRoot,
      jobsRoot,
    });
    expect(result.notes.join('\n')).toMatch(/方形像素|square pixels/);
    expect(result.notes.join('\n')).toMatch(/静音|silent/);
    expect(result.notes.join('\n')).toMatch(/yuv444p/);
    const top = result.asset.renditions.at(-1);
    expect(top?.height).toBe(180);
    expect((top?.width ?? 1) % 2).toBe(0);
    // Square pixels at the source's display aspect (ffprobe: 321×241, SAR 4:3 → 428×241).
    expect(top?.width).toBeCloseTo((180 * 428) / 241, -1);
    expect(result.asset.audio).toHaveLength(1);
  }, 60_000);
});
