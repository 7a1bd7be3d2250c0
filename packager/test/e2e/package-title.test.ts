import { PackagedAssetSchema } from '@ketang/catalog';
import { Parser as M3u8Parser } from 'm3u8-parser';
import { parse as parseMpd } from 'mpd-parser';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  packageAsset,
  packageTitle,
  type JobPlan,
  type PackageTitleResult,
  type QualityReport,
} from '../../src/index.ts';
import { buildPackagerArgs } from '../../src/package/packager-args.ts';
import { fixTrickPlayReferences, listTrickPlayReferences } from '../../src/package/trick-play-references.ts';
import { checkTrickPlayReferences } from '../../src/validate/checks.ts';
import { readMpd } from '../../src/validate/read-mpd.ts';
import {
  makeCaptions,
  makeClip,
  makeTempDir,
  probeSegment,
  requireTools,
  TEST_LADDER,
  TEST_PRESETS,
} from '../support/fixtures.ts';
import { startMediaServer } from '../support/media-server.ts';
import { playInChromium } from '../support/play-in-chromium.ts';

const SECONDS = 6;
let dir: string;
let outRoot: string;
let assetDir: string;
let result: PackageTitleResult;
const stages: string[] = [];

beforeAll(async () => {
  requireTools();
  dir = makeTempDir('e2e');
  outRoot = path.join(dir, 'media');
  const input = makeClip(dir, 'lesson.mp4', { seconds: SECONDS, width: 640, height: 360 });
  result = await packageTitle({
    input,
    assetId: 'e2e-lesson',
    title: { zh: '测试课', en: 'Test lesson' },
    captions: [
      { file: makeCaptions(dir, 'zh-CN', SECONDS), language: 'zh-CN' },
      { file: makeCaptions(dir, 'en', SECONDS), language: 'en' },
    ],
    ladder: TEST_LADDER,
    presets: TEST_PRESETS,
    h264First: false,
    outRoot,
    jobsRoot: path.join(dir, 'jobs'),
    onProgress: (event) => {
      if (stages.at(-1) !== event.stage) stages.push(event.stage);
    },
  });
  assetDir = path.join(outRoot, 'e2e-lesson');
}, 180_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

const read = (file: string) => readFileSync(path.join(assetDir, file), 'utf8');
const trickReferences = (xml: string) =>
  listTrickPlayReferences(readMpd(xml)).map((r) => `${r.name}→${r.references}`);

describe('packageTitle end to end (real ffmpeg + Shaka Packager)', () => {
  it('with h264First off, encodes every family in one process, analyses them, then publishes once', () => {
    const firstWith = (step: string) => stages.findIndex((stage) => stage.split(' + ').includes(step));
    expect(stages).toContain('encode:h264 + encode:hevc + encode:av1');
    expect(stages).not.toContain('publish:h264');
    expect(stages.indexOf('publish:all')).toBeGreaterThan(firstWith('analyse:av1'));
  });

  it('leaves no temp directories', () => {
    expect(readdirSync(outRoot)).toEqual(['e2e-lesson']);
    expect(result.assetDir).toBe(assetDir);
  });

  it('writes an asset.json the catalogue accepts, with /media URLs', () => {
    const asset = PackagedAssetSchema.parse(JSON.parse(read('asset.json')));
    expect(asset.dashUrl).toBe('/media/e2e-lesson/manifest.mpd');
    expect(asset.hlsUrl).toBe('/media/e2e-lesson/master.m3u8');
    expect(asset.renditions.map((r) => r.id).sort()).toEqual(
      ['av1-180p', 'av1-360p', 'h264-180p', 'h264-360p', 'hevc-180p', 'hevc-360p'].sort(),
    );
    expect(asset.captions.map((c) => c.language)).toEqual(['zh-CN', 'en']);
    expect(asset.durationSeconds).toBeCloseTo(SECONDS, 0);
    for (const url of [asset.thumbnailsUrl, ...asset.captions.map((c) => c.url)]) {
      expect(existsSync(path.join(outRoot, String(url).replace('/media/', '')))).toBe(true);
    }
  });

  it('produces a DASH MPD that mpd-parser reads: every rung, audio, captions, hvc1 HEVC', () => {
    const mpd = parseMpd(read('manifest.mpd'), { manifestUri: 'http://x/media/e2e-lesson/manifest.mpd' });
    // mpd-parser lists the trick-play representations too; count distinct rungs by their segment paths.
    const rungs = mpd.playlists.filter((p) => p.segments[0]?.uri.startsWith('video/'));
    const codecs = rungs.map((p) => p.attributes.CODECS);
    expect(codecs.filter((c) => c.startsWith('avc1'))).toHaveLength(2);
    expect(codecs.filter((c) => c.startsWith('hvc1'))).toHaveLength(2);
    expect(codecs.filter((c) => c.startsWith('av01'))).toHaveLength(2);
    const heights = rungs.map((p) => p.attributes.RESOLUTION?.height);
    expect(Math.max(...heights.map(Number))).toBeLessThanOrEqual(360);
    expect(Object.keys(mpd.mediaGroups.AUDIO).length).toBeGreaterThan(0);
    const subtitleLanguages = Object.values(mpd.mediaGroups.SUBTITLES).flatMap((g) =>
      Object.values(g).map((s) => s.language),
    );
    expect(subtitleLanguages.sort()).toEqual(['en', 'zh']);
    for (const playlist of mpd.playlists) {
      expect(playlist.segments.length).toBe(Math.ceil(SECONDS / 4));
    }
  });

  it('produces an HLS master that m3u8-parser reads, with I-frame playlists and subtitles', () => {
    const master = new M3u8Parser();
    master.push(read('master.m3u8'));
    master.end();
    expect(master.manifest.playlists).toHaveLength(6);
    expect(master.manifest.iFramePlaylists).toHaveLength(6);
    expect(Object.keys(master.manifest.mediaGroups?.SUBTITLES?.subs ?? {})).toHaveLength(2);
    const media = new M3u8Parser();
    media.push(read(String(master.manifest.playlists?.[0]?.uri)));
    media.end();
    expect(media.manifest.endList).toBe(true);
    expect(media.manifest.segments.reduce((sum, s) => sum + s.duration, 0)).toBeCloseTo(SECONDS, 0);
  });

  it('cuts segments that ffprobe decodes, each starting on a keyframe, HEVC tagged hvc1', () => {
    for (const id of ['h264-360p', 'hevc-360p', 'av1-180p']) {
      for (const segment of ['1.m4s', '2.m4s']) {
        const probe = probeSegment(
          path.join(assetDir, `video/${id}/init.mp4`),
          path.join(assetDir, `video/${id}/${segment}`),
          dir,
        );
        expect(probe.frames[0]?.key_frame, `${id} ${segment}`).toBe(1);
        expect(probe.streams[0]?.height).toBe(Number(id.split('-')[1]?.replace('p', '')));
        if (id.startsWith('hevc')) expect(probe.streams[0]?.codec_tag_string).toBe('hvc1');
      }
    }
  });

  it('writes a passing quality report with PSNR/SSIM per rung and a plot', () => {
    const report = JSON.parse(read('quality-report.json')) as QualityReport;
    expect(report.ok).toBe(true);
    expect(report.checks.map((c) => c.name)).toEqual(
      expect.arrayContaining(['keyframes-aligned', 'trick-play-references']),
    );
    for (const rendition of report.renditions) {
      expect(rendition.ssim).toBeGreaterThan(0.8);
      expect(rendition.psnr).toBeGreaterThan(25);
      expect(rendition.segments.measuredPeakBps).toBeLessThanOrEqual(rendition.declaredBandwidth * 1.1);
    }
    expect(read('quality-report.svg')).toContain('<svg');
  });

  it('points every DASH trick-play set at its own family, every run; the raw Shaka output is checked', async () => {
    const jobDir = path.join(dir, 'jobs', 'e2e-lesson');
    const plan = (JSON.parse(readFileSync(path.join(jobDir, 'job.json'), 'utf8')) as { plan: JobPlan }).plan;
    const tools = requireTools();
    const right = ['trick/h264→0', 'trick/hevc→2', 'trick/av1→4'];
    expect(trickReferences(read('manifest.mpd'))).toEqual(right);
    // Shaka Packager's references change from run to run: package again with each family first once.
    const rawRuns: string[] = [];
    for (let run = 0; run < 3; run++) {
      const families = [...plan.families.slice(run % 3), ...plan.families.slice(0, run % 3)];
      const staging = path.join(dir, `staging-${run}`);
      const shuffled = { ...plan, families };
      await packageAsset(tools, shuffled, ['h264', 'hevc', 'av1'], jobDir, staging);
      const finalised = readFileSync(path.join(staging, 'manifest.mpd'), 'utf8');
      const mpd = readMpd(finalised);
      const byName = mpd.adaptationSets.filter((s) => s.trickPlayFor !== undefined);
      for (const trick of byName) {
        const main = mpd.adaptationSets.find((s) => s.id === trick.trickPlayFor);
        expect(main?.trickPlayFor, trick.initialization).toBeUndefined();
        expect(main?.codecs.slice(0, 4), trick.initialization).toBe(trick.codecs.slice(0, 4));
      }
      expect(checkTrickPlayReferences(mpd).ok).toBe(true);
      // The same run's MPD as Shaka wrote it: the check fails exactly when a reference was wrong.
      const raw = buildPackagerArgs(shuffled, ['h264', 'hevc', 'av1'], {
        renditionPath: (rendition) => path.join(jobDir, rendition.file),
        audioPath: path.join(jobDir, plan.audio.file),
        captionPath: (language) => String(plan.captions.find((c) => c.language === language)?.file),
      });
      const rawDir = path.join(dir, `raw-${run}`);
      mkdirSync(rawDir);
      execFileSync(tools.shakaPackager, raw, { cwd: rawDir, stdio: 'ignore' });
      const rawXml = readFileSync(path.join(rawDir, 'manifest.mpd'), 'utf8');
      const { fixed } = fixTrickPlayReferences(rawXml);
      const check = checkTrickPlayReferences(readMpd(rawXml));
      expect(check.ok).toBe(fixed.length === 0);
      for (const wrong of fixed) expect(check.detail).toContain(`${wrong.name} (AdaptationSet ${wrong.id})`);
      expect(trickReferences(fixTrickPlayReferences(rawXml).xml).sort()).toEqual(
        trickReferences(finalised).sort(),
      );
      rawRuns.push(
        listTrickPlayReferences(readMpd(rawXml))
          .map((r) => r.references)
          .join('/'),
      );
    }
    console.info(`Shaka Packager's raw trick-play references over 3 runs: ${rawRuns.join(', ')}`);
  }, 60_000);

  it('writes a poster frame from ~10% into the video, registered as the asset’s posterUrl', () => {
    const asset = PackagedAssetSchema.parse(JSON.parse(read('asset.json')));
    expect(asset.posterUrl).toBe('/media/e2e-lesson/poster.jpg');
    const poster = path.join(assetDir, 'poster.jpg');
    const probe = JSON.parse(
      execFileSync('ffprobe', ['-v', 'error', '-show_streams', '-of', 'json', poster], { encoding: 'utf8' }),
    );
    expect(probe.streams[0]).toMatchObject({ codec_name: 'mjpeg', width: 640, height: 360 });
    // Not a blank frame: the grey levels of the picture spread.
    const grey = execFileSync('ffmpeg', [
      '-v',
      'error',
      '-i',
      poster,
      '-f',
      'rawvideo',
      '-pix_fmt',
      'gray',
      '-',
    ]);
    const mean = grey.reduce((sum, value) => sum + value, 0) / grey.length;
    const variance = grey.reduce((sum, value) => sum + (value - mean) ** 2, 0) / grey.length;
    expect(Math.sqrt(variance)).toBeGreaterThan(10);
  });

  it('writes a WebVTT thumbnails track pointing into the sprite sheet', () => {
    const vtt = read('thumbnails/thumbnails.vtt');
    expect(vtt.startsWith('WEBVTT')).toBe(true);
    expect(vtt).toMatch(/sprite-001\.jpg#xywh=160,0,160,90/);
    expect(existsSync(path.join(assetDir, 'thumbnails/sprite-001.jpg'))).toBe(true);
  });

  it('plays H.264 and AV1 in headless Chromium with Shaka Player, trick play from its own family; HEVC is filtered out there', async () => {
    const server = await startMediaServer(outRoot);
    try {
      const results = await playInChromium(
        `${server.origin}/player.html`,
        `${server.origin}${result.asset.dashUrl}`,
      );
      const byFamily = Object.fromEntries(results.map((r) => [r.family, r]));
      for (const family of ['h264', 'av1']) {
        const played = byFamily[family];
        expect(played?.errors, family).toEqual([]);
        expect(played?.keptCodecs.length, family).toBe(2);
        expect((played?.endTime ?? 0) - (played?.startTime ?? 0), family).toBeGreaterThan(0.5);
        expect(played?.decodedFrames, family).toBeGreaterThan(5);
        // Fast forward fetched trick-play segments, all of the playing family's trick track. (Shaka Player 5
        // drops a trick track of another codec, so a wrong reference shows here as none fetched.)
        expect(played?.trickPlaySegments.length, family).toBeGreaterThan(0);
        for (const segment of played?.trickPlaySegments ?? []) {
          expect(segment.startsWith(`trick/${family}/`), `${family}: ${segment}`).toBe(true);
        }
      }
      // Chromium here has no HEVC decoder: Shaka must drop those variants instead of failing playback.
      expect(byFamily.hevc?.keptCodecs).toEqual([]);
      expect(byFamily.hevc?.errors).toEqual([]);
    } finally {
      await server.close();
    }
  }, 90_000);
});
