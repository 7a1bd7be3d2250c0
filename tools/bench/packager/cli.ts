// Packager benchmark: our pipeline vs one ffmpeg per rendition, on lesson-like 1080p and 2160p sources.
// Run: tsx tools/bench/packager/cli.ts [--quick] [--keep]. Bounded: about 8 min on 2 cores.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import {
  packageAsset,
  packageTitle,
  QUALITY_SAMPLE_EVERY,
  resolveToolPaths,
  type JobPlan,
  type JobState,
  type PackageTitleResult,
  type ToolPaths,
} from '../../../packager/src/index.ts';
import { fileKbps, runFixedBitrateLadder, type RungResult } from './fixed-bitrate.ts';
import { makeLessonSource, type SourceFormat } from './lesson-source.ts';
import { measureLongPackaging } from './long-packaging.ts';
import { runNaiveBaseline } from './naive.ts';
import { compareQualitySampling, summariseSamplingError } from './quality-sampling.ts';
import { bdRate, bitrateForSsim } from './rate-quality.ts';
import { makeTimedTools } from './timed-tools.ts';
import { compareWithStreamer, formatStreamerComparison, type StreamerScenario } from './vs-streamer.ts';

// Faster presets than production so a 2-core run stays bounded; both sides use the same ones.
const PRESETS = { h264: 'veryfast', hevc: 'ultrafast', av1: '12' };
/** Packaging speed is measured on a 10-minute title (a typical lesson), looped from the encoded ladder. */
const LONG_TITLE_SECONDS = 600;

interface Scenario {
  height: number;
  width: number;
  seconds: number;
  format: SourceFormat;
}

interface ScenarioResult {
  scenario: Scenario;
  rungs: number;
  ours: {
    encodeSeconds: number;
    packageSeconds: number;
    jobSeconds: number;
    longPackageSeconds: number;
    peakMiB?: number;
  };
  /** Ours with --h264-first: H.264 encoded and published alone first. */
  h264First: { encodeSeconds: number; jobSeconds: number; playableSeconds: number };
  naive: { encodeSeconds: number; packageSeconds: number; peakMiB?: number };
  capped: RungResult[];
  fixed: RungResult[];
}

interface OurRun {
  result: PackageTitleResult;
  jobDir: string;
  plan: JobPlan;
  encodeSeconds: number;
  jobSeconds: number;
  /** From the start until the first publish finished (boxes can play the title). */
  playableSeconds: number;
}

async function runOurs(input: string, dir: string, name: string, tools: ToolPaths, h264First: boolean) {
  const stepStarts: Array<[string, number]> = [];
  const started = performance.now();
  const result = await packageTitle({
    input,
    assetId: name,
    presets: PRESETS,
    h264First,
    outRoot: path.join(dir, 'media'),
    jobsRoot: path.join(dir, 'jobs'),
    tools,
    onProgress: (e) => {
      if (stepStarts.at(-1)?.[0] !== e.stage) stepStarts.push([e.stage, performance.now()]);
    },
  });
  const ended = performance.now();
  const jobDir = path.join(dir, 'jobs', name);
  const state = JSON.parse(readFileSync(path.join(jobDir, 'job.json'), 'utf8')) as JobState;
  const firstPublishEnd = stepStarts.findIndex((_, i) => stepStarts[i - 1]?.[0].startsWith('publish:'));
  const playableAt = firstPublishEnd > 0 ? stepStarts[firstPublishEnd]![1] : ended;
  return {
    result,
    jobDir,
    plan: state.plan as JobPlan,
    encodeSeconds: sumSteps(stepStarts, ended, (s) => s.startsWith('encode:')),
    jobSeconds: (ended - started) / 1000,
    playableSeconds: (playableAt - started) / 1000,
  } satisfies OurRun;
}

async function runScenario(scenario: Scenario, root: string): Promise<ScenarioResult> {
  const dir = path.join(root, `${scenario.height}p-${scenario.format}`);
  mkdirSync(dir, { recursive: true });
  const input = makeLessonSource(dir, scenario);
  const base = resolveToolPaths();
  const oursTools = makeTimedTools(base, dir, 'ours');
  const ours = await runOurs(input, dir, `bench-${scenario.height}p`, oursTools.tools, false);
  const { plan, jobDir } = ours;
  const packStart = performance.now();
  await packageAsset(
    base,
    plan,
    plan.families.map((f) => f.family),
    jobDir,
    path.join(dir, 'repackage'),
  );
  const packageSeconds = (performance.now() - packStart) / 1000;
  const longPackageSeconds = await measureLongPackaging(base, plan, jobDir, dir, LONG_TITLE_SECONDS);
  const h264First = await runOurs(input, dir, `bench-${scenario.height}p-h264-first`, base, true);

  const naiveTools = makeTimedTools(base, dir, 'naive');
  const naive = await runNaiveBaseline(naiveTools.tools, plan, path.join(dir, 'naive'));
  const fixed = await runFixedBitrateLadder(base, plan, path.join(dir, 'naive'));
  const capped = ours.result.report.renditions
    .filter((r) => r.family === 'h264')
    .map((r) => ({
      id: r.id,
      kbps: fileKbps(path.join(jobDir, `encode/${r.id}.mp4`), plan.durationSeconds),
      ssim: r.ssim ?? 0,
      psnr: r.psnr ?? 0,
    }));
  return {
    scenario,
    rungs: ours.result.asset.renditions.length,
    ours: {
      encodeSeconds: ours.encodeSeconds,
      packageSeconds,
      jobSeconds: ours.jobSeconds,
      longPackageSeconds,
      peakMiB: oursTools.peakMiB(),
    },
    h264First: {
      encodeSeconds: h264First.encodeSeconds,
      jobSeconds: h264First.jobSeconds,
      playableSeconds: h264First.playableSeconds,
    },
    naive: { ...naive, peakMiB: naiveTools.peakMiB() },
    capped,
    fixed,
  };
}

/**
 * Wall time spent in the steps matching `isWanted`, from the times each stage was first reported. A stage of
 * steps running side by side (`encode:hevc + encode:av1`) counts once.
 */
function sumSteps(starts: Array<[string, number]>, end: number, isWanted: (step: string) => boolean): number {
  let total = 0;
  starts.forEach(([step, at], i) => {
    if (isWanted(step)) total += (starts[i + 1]?.[1] ?? end) - at;
  });
  return total / 1000;
}

function formatReport(results: ScenarioResult[]): string {
  const cpu = cpus()[0]?.model ?? '?';
  const lines = [
    `Machine: ${cpus().length} cores (${cpu}), load average ${loadavg()[0]?.toFixed(1)} at the end, ${new Date().toISOString().slice(0, 10)}; presets ${JSON.stringify(PRESETS)}.`,
    '',
    '| source | rungs | ours: encode + package (s) | naive: encode + package (s) | ratio (goal ≤ 0.6) | speed ours (× real time) | packaging a 10-min ladder (× real time, goal ≥ 100) | peak memory ours / naive (MiB) | full job incl. PSNR/SSIM (s) |',
    '| --- | --- | --- | --- | --- | --- | --- | --- | --- |',
  ];
  for (const r of results) {
    const ours = r.ours.encodeSeconds + r.ours.packageSeconds;
    const naive = naiveSeconds(r);
    lines.push(
      `| ${label(r.scenario)}, ${r.scenario.seconds} s | ${r.rungs} | ${ours.toFixed(1)} | ${naive.toFixed(1)} | ${(ours / naive).toFixed(2)} | ${(r.scenario.seconds / ours).toFixed(2)} | ${Math.round(LONG_TITLE_SECONDS / r.ours.longPackageSeconds)} | ${r.ours.peakMiB ?? '?'} / ${r.naive.peakMiB ?? '?'} | ${r.ours.jobSeconds.toFixed(1)} |`,
    );
  }
  lines.push('', ...formatH264First(results));
  lines.push(
    '',
    '| source | H.264 rung | capped CRF kbps | SSIM | PSNR | fixed-bitrate kbps | SSIM | PSNR |',
    '| --- | --- | --- | --- | --- | --- | --- | --- |',
  );
  for (const r of results) {
    r.capped.forEach((c, i) => {
      const f = r.fixed[i];
      lines.push(
        `| ${label(r.scenario)} | ${c.id} | ${c.kbps} | ${c.ssim.toFixed(4)} | ${c.psnr.toFixed(1)} | ${f?.kbps} | ${f?.ssim.toFixed(4)} | ${f?.psnr.toFixed(1)} |`,
      );
    });
    const cappedTotal = r.capped.reduce((s, c) => s + c.kbps, 0);
    const fixedTotal = r.fixed.reduce((s, c) => s + c.kbps, 0);
    lines.push(
      `| ${label(r.scenario)} | whole ladder | ${cappedTotal} | | | ${fixedTotal} | | ${Math.round((1 - cappedTotal / fixedTotal) * 100)}% fewer bits (goal ≥ 30%) |`,
    );
  }
  lines.push('', ...formatEqualQuality(results));
  return lines.join('\n');
}

/** What --h264-first costs (whole job, ratio to naive) and gains (when the title is first playable). */
function formatH264First(results: ScenarioResult[]): string[] {
  const rows = results.map((r) => {
    const encodeAndPackage = r.h264First.encodeSeconds + r.ours.packageSeconds;
    const ratio = (encodeAndPackage / naiveSeconds(r)).toFixed(2);
    return `| ${label(r.scenario)}, ${r.scenario.seconds} s | ${r.ours.jobSeconds.toFixed(1)} | ${r.h264First.jobSeconds.toFixed(1)} | ${r.h264First.playableSeconds.toFixed(1)} | ${encodeAndPackage.toFixed(1)}, ${ratio} |`;
  });
  return [
    '| source | ours: full job = first playable (s) | `--h264-first`: full job (s) | `--h264-first`: first playable, H.264 published (s) | `--h264-first`: encode + package (s), ratio to naive |',
    '| --- | --- | --- | --- | --- |',
    ...rows,
  ];
}

function naiveSeconds(r: ScenarioResult): number {
  return r.naive.encodeSeconds + r.naive.packageSeconds;
}

/**
 * Ladder against ladder at equal quality: for each fixed-bitrate rung, the bitrate at which our ladder delivers
 * the same SSIM (interpolated between our rungs), as a player choosing by bandwidth would get it.
 */
function formatEqualQuality(results: ScenarioResult[]): string[] {
  const lines = [
    '| source | fixed-bitrate rung | its kbps | its SSIM | our ladder at that SSIM (kbps) | bits saved (goal ≥ 30%) |',
    '| --- | --- | --- | --- | --- | --- |',
  ];
  for (const r of results) {
    for (const fixed of r.fixed) {
      const ours = bitrateForSsim(r.capped, fixed.ssim);
      const saved =
        ours === undefined ? 'above our best rung' : `${Math.round((1 - ours / fixed.kbps) * 100)}%`;
      lines.push(
        `| ${label(r.scenario)} | ${fixed.id} | ${fixed.kbps} | ${fixed.ssim.toFixed(4)} | ${ours === undefined ? '—' : Math.round(ours)} | ${saved} |`,
      );
    }
    const delta = bdRate(r.capped, r.fixed);
    const saved = delta === undefined ? 'no common range' : `${Math.round(-delta * 100)}%`;
    lines.push(`| ${label(r.scenario)} | whole ladders: BD-rate over the SSIM both reach | | | | ${saved} |`);
  }
  return lines;
}

function label(scenario: Scenario): string {
  return `${scenario.height}p ${scenario.format === 'prores' ? 'ProRes' : 'H.264'}`;
}

/** `--vs-streamer`: our whole job against shaka-streamer, alternating pairs (`--pairs N`, default 2). */
async function mainVsStreamer(root: string, isQuick: boolean): Promise<string> {
  const pairs = Number(process.argv[process.argv.indexOf('--pairs') + 1]) || 2;
  const heights = (process.argv[process.argv.indexOf('--heights') + 1] ?? '').split(',').map(Number);
  const all: StreamerScenario[] = [
    { width: 1920, height: 1080, seconds: isQuick ? 4 : 8, format: 'prores' },
    { width: 3840, height: 2160, seconds: 4, format: 'prores' },
  ];
  const scenarios = process.argv.includes('--heights') ? all.filter((s) => heights.includes(s.height)) : all;
  const rows = [];
  for (const scenario of scenarios) {
    console.error(`${label(scenario)} (${scenario.seconds} s): ours against shaka-streamer…`);
    rows.push({ scenario, pairs: await compareWithStreamer(scenario, root, pairs) });
  }
  return formatStreamerComparison(rows);
}

/** The benchmark's sources, or those named by `--sources 1080-prores,2160-prores,1080-h264`. */
function samplingSources(): Scenario[] {
  const all: Scenario[] = [
    { width: 1920, height: 1080, seconds: 8, format: 'prores' },
    { width: 3840, height: 2160, seconds: 4, format: 'prores' },
    { width: 1920, height: 1080, seconds: 8, format: 'h264' },
  ];
  const named = process.argv.includes('--sources')
    ? (process.argv[process.argv.indexOf('--sources') + 1] ?? '').split(',')
    : undefined;
  return named ? all.filter((s) => named.includes(`${s.height}-${s.format}`)) : all;
}

/** `--quality-sampling`: PSNR/SSIM on sampled frames against every frame, per rung, on the bench's sources. */
async function mainQualitySampling(root: string, scenarios: Scenario[]): Promise<string> {
  const tools = resolveToolPaths();
  const lines = [
    '| source | rung | PSNR every frame | sampled | SSIM every frame | sampled |',
    '| --- | --- | --- | --- | --- | --- |',
  ];
  const totals: string[] = [];
  for (const scenario of scenarios) {
    console.error(`${label(scenario)} (${scenario.seconds} s): PSNR/SSIM every frame and sampled…`);
    const dir = path.join(root, `sampling-${scenario.height}p-${scenario.format}`);
    mkdirSync(dir, { recursive: true });
    const ours = await runOurs(makeLessonSource(dir, scenario), dir, 'sampling', tools, false);
    const result = await compareQualitySampling(tools, ours.jobDir);
    for (const r of result.rungs) {
      console.error(
        `  ${r.id}: PSNR ${r.every.psnr} / ${r.sampled.psnr}, SSIM ${r.every.ssim} / ${r.sampled.ssim}`,
      );
      lines.push(
        `| ${label(scenario)} | ${r.id} | ${r.every.psnr.toFixed(2)} | ${r.sampled.psnr.toFixed(2)} | ${r.every.ssim.toFixed(5)} | ${r.sampled.ssim.toFixed(5)} |`,
      );
    }
    const error = summariseSamplingError(result.rungs);
    console.error(
      `  analysis every frame ${result.everySeconds.toFixed(1)} s, sampled ${result.sampledSeconds.toFixed(1)} s`,
    );
    totals.push(
      `| ${label(scenario)}, ${scenario.seconds} s | ${result.everySeconds.toFixed(1)} | ${result.sampledSeconds.toFixed(1)} | ${error.psnrMean.toFixed(3)} / ${error.psnrWorst.toFixed(3)} | ${error.ssimMean.toFixed(5)} / ${error.ssimWorst.toFixed(5)} |`,
    );
  }
  return [
    `Machine: ${cpus().length} cores (${cpus()[0]?.model ?? '?'}), load average ${loadavg()[0]?.toFixed(1)} at the end, ${new Date().toISOString().slice(0, 16)} UTC; one frame in ${QUALITY_SAMPLE_EVERY}.`,
    '',
    '| source | analysis, every frame (s) | sampled (s) | PSNR abs. error, mean / worst (dB) | SSIM abs. error, mean / worst |',
    '| --- | --- | --- | --- | --- |',
    ...totals,
    '',
    ...lines,
  ].join('\n');
}

async function main(): Promise<void> {
  const isQuick = process.argv.includes('--quick');
  if (process.argv.includes('--vs-streamer') || process.argv.includes('--quality-sampling')) {
    const root = mkdtempSync(path.join(tmpdir(), 'ketang-bench-packager-'));
    try {
      const report = process.argv.includes('--vs-streamer')
        ? await mainVsStreamer(root, isQuick)
        : await mainQualitySampling(root, samplingSources());
      console.log(report);
      const name = process.argv.includes('--vs-streamer')
        ? 'last-run-vs-streamer.md'
        : 'last-run-sampling.md';
      writeFileSync(path.join(import.meta.dirname, name), report + '\n');
    } finally {
      if (!process.argv.includes('--keep')) rmSync(root, { recursive: true, force: true });
    }
    return;
  }
  // Mezzanines as editors deliver them (ProRes), and the light H.264 source earlier runs used.
  const scenarios: Scenario[] = isQuick
    ? [{ width: 1920, height: 1080, seconds: 4, format: 'prores' }]
    : [
        { width: 1920, height: 1080, seconds: 8, format: 'prores' },
        { width: 3840, height: 2160, seconds: 4, format: 'prores' },
        { width: 1920, height: 1080, seconds: 8, format: 'h264' },
      ];
  const root = mkdtempSync(path.join(tmpdir(), 'ketang-bench-packager-'));
  try {
    const results: ScenarioResult[] = [];
    for (const scenario of scenarios) {
      console.error(`packaging ${label(scenario)} (${scenario.seconds} s) both ways…`);
      results.push(await runScenario(scenario, root));
    }
    const report = formatReport(results);
    console.log(report);
    writeFileSync(path.join(import.meta.dirname, 'last-run.md'), report + '\n');
  } finally {
    if (!process.argv.includes('--keep')) rmSync(root, { recursive: true, force: true });
  }
}

await main();
