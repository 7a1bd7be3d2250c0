import { execFileSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { packageTitle } from '../../src/index.ts';
import { makeClip, makeTempDir, requireTools, TEST_LADDER, TEST_PRESETS } from '../support/fixtures.ts';

const dir = makeTempDir('cenc');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const KEY_ID = '00112233445566778899aabbccddeeff';
const KEY = 'ffeeddccbbaa99887766554433221100';

describe('raw-key CENC', () => {
  it('encrypts every rendition with cenc and declares it in both manifests', async () => {
    const { ffprobe } = requireTools();
    const input = makeClip(dir, 'secret.mp4', { seconds: 4, width: 320, height: 180 });
    const result = await packageTitle({
      input,
      assetId: 'secret',
      codecs: ['h264'],
      ladder: { h264: TEST_LADDER.h264.slice(0, 1) },
      presets: TEST_PRESETS,
      encryption: { keyId: KEY_ID, key: KEY },
      outRoot: path.join(dir, 'media'),
      jobsRoot: path.join(dir, 'jobs'),
    });
    expect(result.asset.encryption).toBe('cenc');
    expect(result.report.checks.find((c) => c.name === 'encrypted')?.ok).toBe(true);
    const assetDir = result.assetDir;
    const mpd = readFileSync(path.join(assetDir, 'manifest.mpd'), 'utf8');
    expect(mpd).toContain('value="cenc"');
    expect(mpd.toLowerCase()).toContain('00112233-4455-6677-8899-aabbccddeeff');
    const playlist = readFileSync(path.join(assetDir, 'video/h264-180p/playlist.m3u8'), 'utf8');
    expect(playlist).toMatch(/#EXT-X-KEY:METHOD=SAMPLE-AES-CTR/);
    // The init segment carries the protected sample entry and the track encryption box.
    const init = readFileSync(path.join(assetDir, 'video/h264-180p/init.mp4'));
    expect(init.includes('encv')).toBe(true);
    expect(init.includes('tenc')).toBe(true);
    // ffprobe still reads the stream layout of the encrypted segment.
    const probe = execFileSync(
      ffprobe,
      [
        '-v',
        'error',
        '-show_entries',
        'stream=width,height',
        '-of',
        'csv=p=0',
        path.join(assetDir, 'video/h264-180p/init.mp4'),
      ],
      { encoding: 'utf8' },
    );
    expect(probe.trim()).toMatch(/^320,180/);
  }, 60_000);
});
