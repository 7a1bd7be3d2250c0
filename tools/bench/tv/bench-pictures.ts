// Pictures for the benchmark's home, at the 400×240 the image endpoint makes for a tile, into the served
// media folder: video frames (JPEGs from ffmpeg's test pattern, as packaged posters look to the renderer) and
// generated covers drawn by the content API's own cover renderer (subject colour, grade, title). Each tile
// links one with its own query string, so the renderer keeps a texture per tile, as with real lesson pictures.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { renderCover } from '@ketang/content-api';
import type { PictureKind } from '@ketang/contract';

export const BENCH_PICTURES = 8;
const PICTURES_DIR = 'bench-pictures';
const TILE_SIZE = { width: 400, height: 240 };
/** One tile in this many shows a video frame; the rest show generated covers, as most of the demo does. */
const VIDEO_FRAME_EVERY = 5;

export const BENCH_SUBJECTS = [
  { id: 'math', zh: '数学', en: 'Mathematics' },
  { id: 'chinese', zh: '语文', en: 'Chinese' },
  { id: 'english', zh: '英语', en: 'English' },
  { id: 'science', zh: '科学', en: 'Science' },
] as const;
export const BENCH_TOPICS = [
  '认识图形',
  '10以内的加法',
  '古诗二首：静夜思',
  '磁铁能吸引什么',
  '乘法口诀',
  '认识钟表',
];

/** The title of one tile of the bench home (also drawn into its cover). */
export const benchTitle = (rail: number, tile: number) =>
  `第${tile + 1}课 ${BENCH_TOPICS[(rail + tile) % BENCH_TOPICS.length]}（第${(tile % 3) + 1}课时）`;

const coverFile = (i: number) => `cover-${i}.jpg`;
const frameFile = (i: number) => `${i}.jpg`;

async function makeCover(file: string, i: number): Promise<void> {
  const subject = BENCH_SUBJECTS[i % BENCH_SUBJECTS.length]!;
  const title = benchTitle(0, i);
  const source = { kind: 'cover' as const, title, subject: subject.zh, grade: `${(i % 6) + 1}年级` };
  writeFileSync(file, await renderCover(source, TILE_SIZE, 'jpeg'));
}

function makeVideoFrame(file: string, i: number): void {
  const source = `testsrc2=size=400x240:rate=1,hue=h=${i * 45}`;
  execFileSync('ffmpeg', [
    '-v',
    'error',
    '-y',
    '-f',
    'lavfi',
    '-i',
    source,
    '-frames:v',
    '1',
    '-q:v',
    '4',
    file,
  ]);
}

export async function makeBenchPictures(mediaRoot: string): Promise<void> {
  const dir = path.join(mediaRoot, PICTURES_DIR);
  mkdirSync(dir, { recursive: true });
  for (let i = 0; i < BENCH_PICTURES; i++) {
    if (!existsSync(path.join(dir, frameFile(i)))) makeVideoFrame(path.join(dir, frameFile(i)), i);
    if (!existsSync(path.join(dir, coverFile(i)))) await makeCover(path.join(dir, coverFile(i)), i);
  }
}

/** The picture of one tile of the bench home: its URL and what it is (as the API's `pictureKind`). */
export function benchPicture(rail: number, tile: number): { url: string; kind: PictureKind } {
  const i = (rail + tile) % BENCH_PICTURES;
  const isVideoFrame = (rail + tile) % VIDEO_FRAME_EVERY === 0;
  const file = isVideoFrame ? frameFile(i) : coverFile(i);
  return {
    url: `/media/${PICTURES_DIR}/${file}?tile=${rail}-${tile}`,
    kind: isVideoFrame ? 'video-frame' : 'generated-cover',
  };
}
