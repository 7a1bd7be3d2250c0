// Pictures for the benchmark's home: a few distinct 400×240 JPEGs (the size the image endpoint makes for a
// tile), made once with ffmpeg into the served media folder. Each tile links one with its own query string,
// so the renderer keeps a texture per tile, as with real lesson pictures.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';

export const BENCH_PICTURES = 8;
const PICTURES_DIR = 'bench-pictures';

export function makeBenchPictures(mediaRoot: string): void {
  const dir = path.join(mediaRoot, PICTURES_DIR);
  mkdirSync(dir, { recursive: true });
  for (let i = 0; i < BENCH_PICTURES; i++) {
    const file = path.join(dir, `${i}.jpg`);
    if (existsSync(file)) continue;
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
}

/** The picture URL of one tile of the bench home. */
export const benchPictureUrl = (rail: number, tile: number) =>
  `/media/${PICTURES_DIR}/${(rail + tile) % BENCH_PICTURES}.jpg?tile=${rail}-${tile}`;
