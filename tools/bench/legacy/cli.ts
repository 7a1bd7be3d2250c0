// `npm run bench -- legacy [--runs N] [--no-build] [--dist DIR] [--baseline-dist DIR] [--only TEXT] [--throttle N]`: the TV app's
// two bundles and two memory classes as boxes boot them (`--only legacy`: the cases whose name holds the text;
// `--throttle`: another CPU throttling rate than the goal's 6×; `--dist`: a build copied aside instead of
// tv-app/dist, which a test run may rebuild mid-bench), against the real content API (demo catalogue, real image endpoint) in Debian
// Chromium, in one run so the standard profile is the baseline of the low-memory one. `--baseline-dist`: another
// build of the app (e.g. main's tv-app/dist, copied aside) served by a second API, each case's cold starts
// alternating between the two, so a loaded machine slows both alike. Prints a Markdown table for docs/benchmarks.md.
import { cpus, loadavg, totalmem } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { LessonDetail } from '@ketang/contract';
import { launchChromium } from '../../e2e/browser.ts';
import { buildTvApp } from '../../e2e/build-app.ts';
import { startContentApi } from '../../e2e/content-api-server.ts';
import { E2E_LESSON_ID, prepareDemoMedia } from '../../e2e/demo-media.ts';
import { median } from '../tv/measure.ts';
import { measureBoot, type BootCase, type BootFigures, type BoxIdentity } from './measure-boot.ts';

const CPU_THROTTLE = 6;
const FULL_HD = { width: 1920, height: 1080 };
const HD = { width: 1280, height: 720 };
const STANDARD = {};
const LOW = { deviceProfile: { memoryClass: 'low' } };

const CASES: BootCase[] = [
  { name: 'modern · standard · 1920×1080', bundle: 'modern', viewport: FULL_HD, carrier: STANDARD },
  { name: 'modern · low · 1280×720', bundle: 'modern', viewport: HD, carrier: LOW },
  { name: 'legacy · standard · 1920×1080', bundle: 'legacy', viewport: FULL_HD, carrier: STANDARD },
  { name: 'legacy · low · 1280×720', bundle: 'legacy', viewport: HD, carrier: LOW },
];

/** A household with one child of the demo lesson's grade, as the box would have after its first start. */
async function makeBox(apiUrl: string): Promise<BoxIdentity> {
  const post = async (path: string, body: unknown, token?: string) => {
    const response = await fetch(`${apiUrl}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify(body),
    });
    if (!response.ok) throw new Error(`POST ${path}: ${response.status} ${await response.text()}`);
    return response.json() as Promise<Record<string, unknown>>;
  };
  const created = (await post('/v1/households', { timeZone: 'Asia/Shanghai' })) as {
    token: string;
    deviceId: string;
    household: { id: string };
  };
  const lesson = (await (await fetch(`${apiUrl}/v1/lessons/${E2E_LESSON_ID}`)).json()) as LessonDetail;
  const profile = await post(
    '/v1/household/profiles',
    { kind: 'child', name: '小宝', avatar: 'tiger', gradeId: lesson.grade!.id },
    created.token,
  );
  return {
    token: created.token,
    householdId: created.household.id,
    deviceId: created.deviceId,
    profileId: profile.id as string,
  };
}

const kb = (bytes: number | undefined) => (bytes === undefined ? '–' : (bytes / 1024).toFixed(1));
const mb = (bytes: number | undefined) => (bytes === undefined ? '–' : (bytes / 1e6).toFixed(1));

/** Median, then the spread and every run: `4210 (3980–4630: 4210, 3980, 4630)`. */
function spread(values: number[]): string {
  const whole = values.map((value) => Math.round(value));
  return `${Math.round(median(values))} (${Math.min(...whole)}–${Math.max(...whole)}: ${whole.join(', ')})`;
}

const medianOf = (starts: BootFigures[], read: (figures: BootFigures) => number) =>
  Math.round(median(starts.map(read)));

/**
 * `starts`: the throttled cold starts (the goal's wall time, and the main thread's CPU time, which at 6× holds
 * the throttler's own spinning: Chromium throttles by busy-waiting the thread); `unthrottled`: cold starts at
 * 1×, whose main-thread CPU time is the boot's work, the figure a loaded machine inflates least.
 */
function row(name: string, starts: BootFigures[], unthrottled: BootFigures[], settled: BootFigures): string {
  return [
    name,
    spread(starts.map((figures) => figures.coldStartMs)),
    spread(starts.map((figures) => figures.mainThreadCpuMs)),
    `${spread(unthrottled.map((figures) => figures.mainThreadCpuMs))} · ${medianOf(unthrottled, (figures) => figures.rendererCpuMs)} · ${medianOf(unthrottled, (figures) => figures.coldStartMs)}`,
    `${kb(settled.initialJsGzipBytes)} (${settled.initialJsGzipBytes} B)`,
    settled.canvas,
    `${mb(settled.textureMemUsed)} / ${mb(settled.renderableTextureMem)} (${settled.loadedTextures})`,
    mb(settled.textureThreshold),
    mb(settled.heapBytes),
  ].join(' | ');
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      runs: { type: 'string', default: '5' },
      'no-build': { type: 'boolean', default: false },
      'baseline-dist': { type: 'string' },
      dist: { type: 'string' },
      only: { type: 'string', default: '' },
      throttle: { type: 'string', default: String(CPU_THROTTLE) },
    },
  });
  const throttle = Number(values.throttle);
  if (!(throttle >= 1 && throttle <= 20)) throw new Error('--throttle: a rate from 1 to 20');
  const cases = CASES.filter((boot) => boot.name.includes(values.only));
  if (cases.length === 0) throw new Error(`--only: no case name holds "${values.only}"`);
  const runs = Number(values.runs);
  if (!Number.isInteger(runs) || runs < 1 || runs > 15)
    throw new Error('--runs: a whole number from 1 to 15');
  process.stderr.write('building the app (both bundles), starting the content API with the demo…\n');
  // --no-build: measure the tv-app/dist already there (a build takes minutes on a shared 2-core box).
  const ownDist = values.dist ? path.resolve(values.dist) : undefined;
  const [media] = await Promise.all([
    prepareDemoMedia(),
    values['no-build'] || ownDist ? undefined : buildTvApp(),
  ]);
  // With the demo lesson packaged, so it is in the catalogue and the child's grade has it.
  const baselineDist = values['baseline-dist'] ? path.resolve(values['baseline-dist']) : undefined;
  const [api, baselineApi] = await Promise.all([
    startContentApi(ownDist ? { ...media, env: { KETANG_TV_APP_DIR: ownDist } } : media),
    baselineDist ? startContentApi({ ...media, env: { KETANG_TV_APP_DIR: baselineDist } }) : undefined,
  ]);
  const browser = await launchChromium();
  try {
    const builds = [
      ...(baselineApi ? [{ label: 'baseline', api: baselineApi, box: await makeBox(baselineApi.url) }] : []),
      { label: baselineApi ? 'this build' : '', api, box: await makeBox(api.url) },
    ];
    const loadBefore = loadavg()[0]!;
    const rows: string[] = [];
    const notes: string[] = [];
    for (const boot of cases) {
      process.stderr.write(`${boot.name}…\n`);
      const starts = builds.map((): BootFigures[] => []);
      const unthrottled = builds.map((): BootFigures[] => []);
      // Alternating builds and rates, so a change of the machine's load falls on all of them alike.
      for (let i = 0; i < runs; i++) {
        for (const [b, build] of builds.entries()) {
          for (const [rate, into] of [
            [throttle, starts],
            [1, unthrottled],
          ] as const) {
            into[b]!.push(
              await measureBoot(browser, `${build.api.url}/`, build.box, boot, {
                cpuThrottle: rate,
                settle: false,
              }),
            );
          }
        }
      }
      for (const [b, build] of builds.entries()) {
        const settled = await measureBoot(browser, `${build.api.url}/`, build.box, boot, {
          cpuThrottle: 1,
          settle: true,
        });
        const name = build.label ? `${boot.name} · ${build.label}` : boot.name;
        rows.push(row(name, starts[b]!, unthrottled[b]!, settled));
        notes.push(`${name}: initial JavaScript ${settled.initialJsFiles.join(', ')}`);
      }
    }
    console.log(
      [
        `Chromium ${browser.version()}, ${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, ${new Date().toISOString().slice(0, 16)}Z, load average (1 min) ${loadBefore.toFixed(1)} before, ${loadavg()[0]!.toFixed(1)} after`,
        '',
        `bundle · memory class · window | cold start to a focused home at ${throttle}× CPU, ms (median of ${runs} (spread: runs)) | its main-thread CPU, ms (median (spread: runs)) | at 1×: main-thread CPU, ms (median (spread: runs)) · renderer CPU, ms · cold start, ms (medians) | initial JS gzip, KiB | canvas | texture memory MB: used / renderable (textures) | texture threshold MB | JS heap after GC, MB`,
        '--- | --- | --- | --- | --- | --- | --- | --- | ---',
        ...rows,
        '',
        ...notes.map((note) => `- ${note}`),
      ].join('\n'),
    );
  } finally {
    await browser.close();
    await api.stop();
    await baselineApi?.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
