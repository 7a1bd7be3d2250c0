// A tiny packaged lesson for the TV app's dev loop and the fixture-server self-test: 30 s of test
// pattern as H.264 (1080p, 360p), AV1 and HEVC (360p), Chinese captions and a thumbnails track,
// packaged to DASH with Shaka Packager. Media is made in a temp dir, never committed.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';

/** Where the tests and the benchmark keep it (renamed whenever the media changes). */
export const TEST_MEDIA_DIR = path.join(tmpdir(), 'ketang-tv-e2e-media-30s-v2');
const SECONDS = 30; // long enough that the lesson is still playing while the test seeks
const require = createRequire(import.meta.url);

function packagerBinary(): string {
  const binary = path.join(
    path.dirname(require.resolve('shaka-packager/package.json')),
    'bin/packager-linux-x64',
  );
  if (!existsSync(binary))
    throw new Error(`Shaka Packager binary missing at ${binary} (npm install shaka-packager)`);
  return binary;
}

function run(command: string, args: string[], cwd: string): void {
  execFileSync(command, args, { cwd, stdio: ['ignore', 'ignore', 'pipe'] });
}

const CAPTION_LINES = ['同学们好，今天我们认识数字一到五。', '请数一数，桌子上有几个苹果？'];
/** Cues all through the lesson, so a caption is on screen whenever a test looks. */
const CAPTIONS = `WEBVTT\n\n${Array.from({ length: SECONDS / 4 }, (_, i) => {
  const time = (s: number) => `00:00:${String(s).padStart(2, '0')}.000`;
  return `${time(i * 4)} --> ${time(i * 4 + 4)}\n${CAPTION_LINES[i % 2]}`;
}).join('\n\n')}\n`;

function thumbnailsVtt(): string {
  const cues = [0, 2, 4, 6].map((start, i) => {
    // Four sprite cells; the last one stands for the rest of the lesson.
    const time = (s: number) => `00:00:${String(s).padStart(2, '0')}.000`;
    return `${time(start)} --> ${time(start + 2)}\nthumbs.jpg#xywh=${i * 320},0,320,180`;
  });
  return `WEBVTT\n\n${cues.join('\n\n')}\n`;
}

export function makeTestMedia(outDir: string): string {
  const dir = path.join(outDir, 'demo-1');
  if (existsSync(path.join(dir, 'manifest.mpd'))) return dir;
  mkdirSync(dir, { recursive: true });
  const source = ['-f', 'lavfi', '-i', `testsrc2=size=1920x1080:rate=30:duration=${SECONDS}`];
  const audio = ['-f', 'lavfi', '-i', `sine=frequency=440:duration=${SECONDS}`];
  const gop = ['-g', '60', '-keyint_min', '60', '-sc_threshold', '0'];
  run(
    'ffmpeg',
    [
      '-y',
      ...source,
      ...gop,
      '-c:v',
      'libx264',
      '-preset',
      'ultrafast',
      '-pix_fmt',
      'yuv420p',
      '-an',
      'h264-1080.mp4',
    ],
    dir,
  );
  run(
    'ffmpeg',
    [
      '-y',
      ...source,
      ...gop,
      '-vf',
      'scale=640:360',
      '-c:v',
      'libx264',
      '-preset',
      'ultrafast',
      '-pix_fmt',
      'yuv420p',
      '-an',
      'h264-360.mp4',
    ],
    dir,
  );
  run(
    'ffmpeg',
    [
      '-y',
      ...source,
      '-vf',
      'scale=640:360',
      '-c:v',
      'libsvtav1',
      '-preset',
      '12',
      '-g',
      '60',
      '-pix_fmt',
      'yuv420p',
      '-an',
      'av1-360.mp4',
    ],
    dir,
  );
  run(
    'ffmpeg',
    [
      '-y',
      ...source,
      ...gop,
      '-vf',
      'scale=640:360',
      '-c:v',
      'libx265',
      '-preset',
      'ultrafast',
      '-tag:v',
      'hvc1',
      '-x265-params',
      'log-level=error',
      '-pix_fmt',
      'yuv420p',
      '-an',
      'hevc-360.mp4',
    ],
    dir,
  );
  run('ffmpeg', ['-y', ...audio, '-c:a', 'aac', '-b:a', '96k', 'audio.mp4'], dir);
  run(
    'ffmpeg',
    ['-y', '-i', 'h264-360.mp4', '-vf', 'fps=0.5,scale=320:180,tile=4x1', '-frames:v', '1', 'thumbs.jpg'],
    dir,
  );
  writeFileSync(path.join(dir, 'zh.vtt'), CAPTIONS);
  writeFileSync(path.join(dir, 'thumbnails.vtt'), thumbnailsVtt());
  const streams = ['h264-1080', 'h264-360', 'av1-360', 'hevc-360'].map(
    (name) =>
      `in=${name}.mp4,stream=video,init_segment=${name}/init.mp4,segment_template=${name}/$Number$.m4s`,
  );
  run(
    packagerBinary(),
    [
      ...streams,
      'in=audio.mp4,stream=audio,init_segment=audio/init.mp4,segment_template=audio/$Number$.m4s',
      'in=zh.vtt,stream=text,language=zh,init_segment=text-zh/init.mp4,segment_template=text-zh/$Number$.m4s,dash_only=1',
      '--segment_duration',
      '2',
      '--generate_static_live_mpd',
      '--mpd_output',
      'manifest.mpd',
    ],
    dir,
  );
  return dir;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(makeTestMedia(process.argv[2] ?? '/tmp/ketang-tv-media'));
}
