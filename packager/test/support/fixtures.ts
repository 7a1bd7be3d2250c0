import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { resolveToolPaths } from '../../src/index.ts';

/** Fails loudly (never skips) when a tool the tests need is missing. */
export function requireTools(): ReturnType<typeof resolveToolPaths> {
  try {
    return resolveToolPaths();
  } catch (error) {
    throw new Error(
      `packager tests need ffmpeg/ffprobe (apt-get install ffmpeg) and npm shaka-packager: ${error}`,
    );
  }
}

export function makeTempDir(prefix: string): string {
  return mkdtempSync(path.join(tmpdir(), `ketang-${prefix}-`));
}

export interface ClipOptions {
  seconds: number;
  width: number;
  height: number;
  rate?: number;
  hasAudio?: boolean;
  /** Extra output args, e.g. a sample aspect ratio. */
  extraArgs?: string[];
}

/** A short synthetic clip (testsrc2 + a sine tone), encoded near-losslessly as the mezzanine. */
export function makeClip(dir: string, name: string, options: ClipOptions): string {
  const { ffmpeg } = requireTools();
  const file = path.join(dir, name);
  const video = `testsrc2=size=${options.width}x${options.height}:rate=${options.rate ?? 25}`;
  const audioInput =
    options.hasAudio === false ? [] : ['-f', 'lavfi', '-i', 'sine=frequency=440:sample_rate=48000'];
  const audioCodec = options.hasAudio === false ? [] : ['-c:a', 'aac', '-b:a', '128k'];
  execFileSync(ffmpeg, [
    ...['-hide_banner', '-loglevel', 'error', '-y', '-f', 'lavfi', '-i', video, ...audioInput],
    ...[
      '-t',
      String(options.seconds),
      '-c:v',
      'libx264',
      '-preset',
      'ultrafast',
      '-crf',
      '12',
      '-pix_fmt',
      'yuv420p',
    ],
    ...audioCodec,
    ...(options.extraArgs ?? []),
    file,
  ]);
  return file;
}

export function makeCaptions(dir: string, language: string, seconds: number): string {
  const file = path.join(dir, `${language}.vtt`);
  const cues = [];
  for (let t = 0; t < seconds; t += 2) {
    cues.push(
      `00:00:0${t}.000 --> 00:00:0${Math.min(seconds, t + 2)}.000\n第 ${t / 2 + 1} 句 / line ${t / 2 + 1}`,
    );
  }
  writeFileSync(file, ['WEBVTT', ...cues].join('\n\n') + '\n');
  return file;
}

/** Tiny ladders and fast presets: the pipeline is the same, the encodes take seconds. */
export const TEST_LADDER = {
  h264: [
    { height: 180, maxrateKbps: 300 },
    { height: 360, maxrateKbps: 800 },
  ],
  hevc: [
    { height: 180, maxrateKbps: 200 },
    { height: 360, maxrateKbps: 500 },
  ],
  av1: [
    { height: 180, maxrateKbps: 150 },
    { height: 360, maxrateKbps: 400 },
  ],
};
export const TEST_PRESETS = { h264: 'veryfast', hevc: 'ultrafast', av1: '12' };

/** ffprobe JSON of a media segment joined to its init segment, as a player would append them. */
export function probeSegment(initFile: string, segmentFile: string, dir: string): FfprobeFrames {
  const { ffprobe } = requireTools();
  const joined = path.join(
    dir,
    `joined-${path.basename(path.dirname(segmentFile))}-${path.basename(segmentFile)}.mp4`,
  );
  execFileSync('sh', ['-c', `cat "$1" "$2" > "$3"`, 'sh', initFile, segmentFile, joined]);
  const out = execFileSync(ffprobe, [
    ...['-v', 'error', '-print_format', 'json', '-show_streams', '-show_frames', '-read_intervals', '%+#1'],
    joined,
  ]);
  return JSON.parse(out.toString()) as FfprobeFrames;
}

export interface FfprobeFrames {
  streams: Array<{ codec_name: string; codec_tag_string: string; width?: number; height?: number }>;
  frames: Array<{ key_frame: number; pict_type?: string; media_type: string }>;
}
