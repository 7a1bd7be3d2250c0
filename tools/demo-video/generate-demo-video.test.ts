import { createHash } from 'node:crypto';
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import webvttParser from 'webvtt-parser';
import {
  DemoManifestSchema,
  LessonScriptError,
  ToolMissingError,
  generateDemoLessons,
  type GenerateDemoLessonsResult,
  type LessonRecord,
} from './generate-demo-video.ts';
import { runProcess } from './run-process.ts';
import { SLIDE_THEME, SUBJECT_ACCENTS } from './slide-theme.ts';
import { findToolchain } from './toolchain.ts';

/** The shortest 1080p lesson of the bundled scripts (about 20 s), so the real encode stays short. */
const LESSON_ID = 'demo-art-g1-primary-colours';
const TINY_LESSONS = fileURLToPath(new URL('./fixtures/tiny-lessons.json', import.meta.url));
const ENCODE_TIMEOUT_MS = 180_000;

async function probe(file: string) {
  const { stdout } = await runProcess('ffprobe', [
    '-v',
    'error',
    '-show_streams',
    '-show_format',
    '-of',
    'json',
    file,
  ]);
  return JSON.parse(stdout) as {
    streams: Array<Record<string, string | number>>;
    format: { duration: string };
  };
}

/** Raw RGB pixels of a region of the frame at `seconds`. */
async function readPixels(file: string, seconds: number, crop: string): Promise<Buffer> {
  const rawFile = `${file}.${seconds}.rgb`;
  await runProcess('ffmpeg', [
    ...['-v', 'error', '-y', '-ss', String(seconds), '-i', file, '-frames:v', '1', '-vf', `crop=${crop}`],
    ...['-f', 'rawvideo', '-pix_fmt', 'rgb24', rawFile],
  ]);
  return readFile(rawFile);
}

const sha256 = async (file: string) =>
  createHash('sha256')
    .update(await readFile(file))
    .digest('hex');
const hexToRgb = (hex: string) => [1, 2, 3].map((byte) => parseInt(hex.slice(2 * byte, 2 * byte + 2), 16));

describe(`generateDemoLessons({ only: ['${LESSON_ID}'] }) with real espeak-ng and ffmpeg`, () => {
  let outDir: string;
  let result: GenerateDemoLessonsResult;
  let lesson: LessonRecord;

  beforeAll(async () => {
    outDir = await mkdtemp(join(tmpdir(), 'ketang-demo-video-e2e-'));
    result = await generateDemoLessons({ outDir, only: [LESSON_ID] });
    lesson = result.manifest.lessons[0]!;
  }, ENCODE_TIMEOUT_MS);

  afterAll(() => rm(outDir, { recursive: true, force: true }));

  it('writes a manifest that lists the lesson with its files, duration, resolution and titles', async () => {
    const manifest = DemoManifestSchema.parse(
      JSON.parse(await readFile(join(outDir, 'manifest.json'), 'utf8')),
    );
    expect(manifest).toEqual(result.manifest);
    expect(result.lessons).toEqual([
      { id: LESSON_ID, status: 'generated', elapsedSeconds: expect.any(Number) },
    ]);
    expect(lesson).toMatchObject({
      id: LESSON_ID,
      file: `${LESSON_ID}/video.mp4`,
      captions: [
        { language: 'zh-CN', file: `${LESSON_ID}/captions.zh-CN.vtt` },
        { language: 'en', file: `${LESSON_ID}/captions.en.vtt` },
      ],
      resolution: { label: '1080p', width: 1920, height: 1080 },
      fps: 25,
      subject: { id: 'art', name: { zh: '美术', en: 'Art' } },
      grade: { level: 1, name: { zh: '一年级', en: 'Grade 1' } },
      title: { zh: '三原色', en: 'The primary colours' },
    });
    expect(lesson.durationSeconds).toBeGreaterThan(10);
    expect(lesson.durationSeconds).toBeLessThan(40);
  });

  it('encodes 1080p H.264 yuv420p at a constant 25 fps with square pixels, and 48 kHz stereo AAC', async () => {
    const { streams, format } = await probe(join(outDir, lesson.file));
    const video = streams.find((stream) => stream.codec_type === 'video');
    const audio = streams.find((stream) => stream.codec_type === 'audio');
    expect(video).toMatchObject({ codec_name: 'h264', width: 1920, height: 1080, pix_fmt: 'yuv420p' });
    expect(video).toMatchObject({ r_frame_rate: '25/1', avg_frame_rate: '25/1', sample_aspect_ratio: '1:1' });
    expect(Number(video?.nb_frames)).toBe(Math.round(lesson.durationSeconds * 25));
    expect(audio).toMatchObject({ codec_name: 'aac', sample_rate: '48000', channels: 2 });
    expect(Number(format.duration)).toBeCloseTo(lesson.durationSeconds, 1);
  });

  it('has audible narration', async () => {
    const { stderr } = await runProcess('ffmpeg', [
      ...[
        '-hide_banner',
        '-i',
        join(outDir, lesson.file),
        '-map',
        '0:a',
        '-af',
        'volumedetect',
        '-f',
        'null',
        '-',
      ],
    ]);
    const maxVolume = Number(/max_volume: (-?[\d.]+) dB/.exec(stderr)?.[1]);
    expect(maxVolume).toBeGreaterThan(-20);
  });

  it('writes WebVTT captions that parse cleanly, in order, covering the lesson from start to end', async () => {
    for (const track of lesson.captions) {
      const parsed = new webvttParser.WebVTTParser().parse(await readFile(join(outDir, track.file), 'utf8'));
      expect(parsed.errors, track.file).toEqual([]);
      expect(parsed.cues.length).toBeGreaterThan(0);
      parsed.cues.forEach((cue, index) => {
        expect(cue.endTime).toBeGreaterThan(cue.startTime);
        expect(cue.endTime).toBeLessThanOrEqual(lesson.durationSeconds);
        if (index > 0) expect(cue.startTime).toBeGreaterThanOrEqual(parsed.cues[index - 1]!.endTime);
      });
    }
    const zh = new webvttParser.WebVTTParser().parse(
      await readFile(join(outDir, `${LESSON_ID}/captions.zh-CN.vtt`), 'utf8'),
    );
    expect(zh.cues[0]!.startTime).toBeLessThan(1);
    expect(zh.cues.at(-1)!.endTime).toBeGreaterThan(lesson.durationSeconds - 1.5);
    expect(zh.cues[0]!.text).toContain('三原色');
  });

  it('draws the slides: header band in the subject colour, heading text, a progress bar that grows', async () => {
    const file = join(outDir, lesson.file);
    const header = await readPixels(file, 1, '8:8:4:4');
    expect(countPixelsNear(header, hexToRgb(SUBJECT_ACCENTS.art))).toBe(64);
    const heading = await readPixels(file, 1, `600:80:140:${SLIDE_THEME.headingY}`);
    const background = hexToRgb(SLIDE_THEME.background);
    const inkPixels = heading.length / 3 - countPixelsNear(heading, background);
    expect(inkPixels).toBeGreaterThan(2000); // the heading's glyphs, not a blank slide
    const barRow = (await readPixels(file, lesson.durationSeconds / 2, `1920:2:0:1074`)).subarray(
      0,
      1920 * 3,
    );
    const filled = 1920 - countPixelsNear(barRow, hexToRgb(SLIDE_THEME.progressTrack));
    expect(filled / 1920).toBeCloseTo(0.5, 1);
  });

  it('skips the lesson on the next run, leaving its files untouched', async () => {
    const video = join(outDir, lesson.file);
    const before = (await stat(video)).mtimeMs;
    const again = await generateDemoLessons({ outDir, only: [LESSON_ID] });
    expect(again.lessons).toEqual([{ id: LESSON_ID, status: 'cached', elapsedSeconds: expect.any(Number) }]);
    expect(again.manifest).toEqual(result.manifest);
    expect((await stat(video)).mtimeMs).toBe(before);
  });
});

function countPixelsNear(rgb: Buffer, colour: number[], tolerance = 12): number {
  let count = 0;
  for (let offset = 0; offset + 2 < rgb.length; offset += 3) {
    if (colour.every((value, channel) => Math.abs(rgb[offset + channel]! - value) <= tolerance)) count++;
  }
  return count;
}

describe('generateDemoLessons determinism', () => {
  it(
    'regenerates byte-identical files with force',
    async () => {
      const outDir = await mkdtemp(join(tmpdir(), 'ketang-demo-video-e2e-'));
      const first = await generateDemoLessons({ outDir, lessonsFile: TINY_LESSONS });
      const files = ['tiny-hello/video.mp4', 'tiny-hello/captions.zh-CN.vtt', 'tiny-hello/captions.en.vtt'];
      const hashes = await Promise.all(files.map((file) => sha256(join(outDir, file))));
      const second = await generateDemoLessons({ outDir, lessonsFile: TINY_LESSONS, force: true });
      expect(second.lessons[0]?.status).toBe('generated');
      expect(await Promise.all(files.map((file) => sha256(join(outDir, file))))).toEqual(hashes);
      expect(second.manifest).toEqual(first.manifest);
      await rm(outDir, { recursive: true, force: true });
    },
    ENCODE_TIMEOUT_MS,
  );
});

describe('generateDemoLessons input errors', () => {
  it('refuses an unknown lesson id before writing anything', async () => {
    const outDir = join(tmpdir(), `ketang-demo-video-never-${process.pid}`);
    await expect(generateDemoLessons({ outDir, only: ['no-such-lesson'] })).rejects.toThrow(
      LessonScriptError,
    );
    await expect(stat(outDir)).rejects.toThrow(/ENOENT/);
  });
});

describe('findToolchain', () => {
  it('names the Debian package to install when a tool is missing', async () => {
    const path = process.env.PATH;
    process.env.PATH = '/nonexistent';
    try {
      const error = await findToolchain().catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(ToolMissingError);
      expect((error as ToolMissingError).message).toMatch(/ffmpeg is missing .*apt-get install -y ffmpeg/);
    } finally {
      process.env.PATH = path;
    }
  });
});
