// `npx tsx tools/bench/tv/frame-tail.ts [--dist DIR] [--baseline-dist DIR] [--walks N] [--top N]
// [--no-profile]`: what the slowest frames of the benchmark's focus walk spend their time on. The per-frame figure the bench reports (the renderer's
// `updateAnimations` + `drawFrame`) split into drawFrame's phases (tree update, texture processing, quads,
// render submission, memory clean-up), with counts of what each frame did (text textures drawn, textures
// uploaded) and the CPU profile's self time per function inside each of the tail frames (CDP Profiler, its
// clock aligned to the page's by a marker function). With --baseline-dist, walks alternate between the
// two builds (ABBA…) in one browser.
import path from 'node:path';
import { parseArgs } from 'node:util';
import os from 'node:os';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, VIEWPORT } from '../../e2e/browser.ts';
import { startFixtureServer } from '../../e2e/fixture-server.ts';
import { makeTestMedia, TEST_MEDIA_DIR } from '../../e2e/make-test-media.ts';
import { makeBenchPictures } from './bench-pictures.ts';
import { makeLargeHome } from './home-30x50.ts';
import { KEY_GAP_MS, mean, MOVES, percentile } from './measure.ts';
import { KEEP_NAMES_SHIM, waitForFocusedHome } from './page-probes.ts';

type ProfileNode = {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
};
type Profile = { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[]; startTime: number };

export type FrameRecord = {
  start: number;
  end: number;
  ms: number;
  phases: Record<string, number>;
  counts: Record<string, number>;
  sinceKeyMs: number;
  key: string;
};

const MARKER_MS = 30;

/** Wraps the stage's per-frame work and a few of the renderer's costly steps; records each frame. */
function installTailProbe(page: Page): Promise<void> {
  return page.evaluate(() => {
    type AnyFn = (...args: unknown[]) => unknown;
    type Obj = Record<string, AnyFn | unknown>;
    const hooks = (window as unknown as { __ketang: { renderer: { stage: Obj } } }).__ketang;
    const stage = hooks.renderer.stage as Obj & {
      root: Obj;
      txManager: Obj;
      renderer: Obj;
      txMemManager: Obj;
      textRenderers: Record<string, Obj>;
    };
    const frames: unknown[] = [];
    (window as unknown as { __tail: unknown[] }).__tail = frames;
    let phases: Record<string, number> = {};
    let counts: Record<string, number> = {};
    let animationMs = 0;
    let lastKeyAt = 0;
    let lastKey = '';
    let inFrame = false;
    let depth = 0; // recursive steps (addQuads walks the tree) are timed at their outermost call
    const timed = (target: Obj, name: string, label: string) => {
      const original = target[name] as AnyFn;
      target[name] = function (this: unknown, ...args: unknown[]) {
        if (depth > 0) return original.apply(this, args);
        depth += 1;
        const start = performance.now();
        try {
          return original.apply(this, args);
        } finally {
          depth -= 1;
          if (inFrame) phases[label] = (phases[label] ?? 0) + performance.now() - start;
        }
      };
    };
    const counted = (target: Obj, name: string, label: string) => {
      const original = target[name] as AnyFn;
      target[name] = function (this: unknown, ...args: unknown[]) {
        const key = inFrame ? label : `${label} (outside frame)`;
        counts[key] = (counts[key] ?? 0) + 1;
        return original.apply(this, args);
      };
    };
    timed(stage.root, 'update', 'tree update');
    timed(stage.txManager, 'processSome', 'texture processing');
    timed(stage, 'addQuads', 'add quads');
    timed(stage.renderer, 'render', 'render');
    timed(stage.txMemManager, 'cleanup', 'memory clean-up');
    const canvasText = stage.textRenderers.canvas;
    if (canvasText) {
      counted(canvasText, 'renderSingleCanvasPage', 'text texture made');
      counted(canvasText, 'calculateRenderInfo', 'text layout');
    }
    counted(stage.txManager, 'uploadTexture', 'texture upload');
    // Text textures are ImageTextures whose src is a function (draws the canvas, reads it back); pictures
    // have a URL (asks an image worker). Both start when a node becomes renderable.
    const imageTexture = (stage.txManager.txConstructors as Record<string, { prototype: Obj }>).ImageTexture!
      .prototype;
    const getSource = imageTexture.getTextureSource as AnyFn;
    imageTexture.getTextureSource = function (this: { props: { src: unknown } }, ...args: unknown[]) {
      const label = typeof this.props.src === 'function' ? 'text drawn' : 'picture asked';
      const start = performance.now();
      try {
        return getSource.apply(this, args);
      } finally {
        const key = inFrame ? label : `${label} (outside frame)`;
        phases[key] = (phases[key] ?? 0) + performance.now() - start;
        counts[key] = (counts[key] ?? 0) + 1;
      }
    };
    counted(stage, 'createNode', 'node created');
    counted(stage, 'createTextNode', 'text node created');
    const update = stage.updateAnimations as AnyFn;
    const draw = stage.drawFrame as AnyFn;
    stage.updateAnimations = () => {
      const start = performance.now();
      update.call(stage);
      animationMs = performance.now() - start;
    };
    stage.drawFrame = () => {
      inFrame = true;
      const start = performance.now();
      try {
        draw.call(stage);
      } finally {
        const end = performance.now();
        inFrame = false;
        phases.animations = animationMs;
        frames.push({
          start: start - animationMs,
          end,
          ms: animationMs + end - start,
          phases,
          counts,
          sinceKeyMs: start - lastKeyAt,
          key: lastKey,
        });
        phases = {};
        counts = {};
      }
    };
    window.addEventListener(
      'keydown',
      (event) => {
        lastKeyAt = event.timeStamp;
        lastKey = event.key;
      },
      true,
    );
  });
}

/** A busy loop in a function of its own name, so the CPU profile shows where performance.now() stood. */
function runMarker(page: Page): Promise<number> {
  return page.evaluate((ms) => {
    function tailProbeClockMarker() {
      const started = performance.now();
      while (performance.now() - started < ms) Math.sqrt(Math.random());
      return started;
    }
    return tailProbeClockMarker();
  }, MARKER_MS);
}

/** Self time per function for the samples in [from, to) (page clock, ms). */
function selfTimesIn(profile: Profile, offsetMs: number, from: number, to: number, limit: number): string[] {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const ms = new Map<string, number>();
  let at = profile.startTime / 1000 - offsetMs;
  profile.samples.forEach((id, i) => {
    at += (profile.timeDeltas[i] ?? 0) / 1000;
    if (at < from || at >= to) return;
    const frame = byId.get(id)!.callFrame;
    const file = frame.url ? path.basename(new URL(frame.url, 'http://x').pathname) : '';
    const key = `${frame.functionName || '(anonymous)'} ${file}:${frame.lineNumber + 1}`;
    const delta = (profile.timeDeltas[i + 1] ?? 0) / 1000;
    ms.set(key, (ms.get(key) ?? 0) + delta);
  });
  return [...ms.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, limit)
    .map(([key, n]) => `${n.toFixed(2).padStart(6)} ms  ${key}`);
}

/** The page time at which the marker's first sample was taken: the profile clock minus the page clock. */
function clockOffsetMs(profile: Profile, markerStartedAt: number): number {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  let at = profile.startTime / 1000;
  for (let i = 0; i < profile.samples.length; i++) {
    at += (profile.timeDeltas[i] ?? 0) / 1000;
    if (byId.get(profile.samples[i]!)!.callFrame.functionName === 'tailProbeClockMarker')
      return at - markerStartedAt;
  }
  throw new Error('the clock marker was not sampled');
}

type WalkOptions = { profiling: boolean; top: number };

/** One cold page, the bench's focus walk; prints the walk's figures and its slowest frames. */
async function walkOnce(browser: Browser, url: string, label: string, options: WalkOptions) {
  const context = await browser.newContext({ viewport: VIEWPORT });
  await context.addInitScript(KEEP_NAMES_SHIM);
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await page.goto(url);
  await waitForFocusedHome(page, 60_000);
  await page.waitForTimeout(1500);
  await installTailProbe(page);
  if (options.profiling) {
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
    await cdp.send('Profiler.start');
  }
  const markerAt = await runMarker(page);
  for (const key of MOVES) {
    await page.keyboard.press(key);
    await page.waitForTimeout(KEY_GAP_MS);
  }
  await page.waitForTimeout(400);
  const profile = options.profiling
    ? ((await cdp.send('Profiler.stop')) as { profile: Profile }).profile
    : undefined;
  const frames = await page.evaluate(() => (window as unknown as { __tail: FrameRecord[] }).__tail);
  await context.close();
  const offset = profile ? clockOffsetMs(profile, markerAt) : 0;
  const sorted = frames.map((f) => f.ms).sort((a, b) => a - b);
  const p90 = sorted[Math.floor(sorted.length * 0.9)] ?? 0;
  console.log(
    `${label}: ${frames.length} frames, mean ${mean(sorted).toFixed(2)} ms, p95 ${percentile(sorted, 95).toFixed(2)} ms (load ${os.loadavg()[0]!.toFixed(1)})`,
  );
  const tail = frames
    .filter((f) => f.ms >= p90)
    .sort((a, b) => b.ms - a.ms)
    .slice(0, options.top);
  for (const f of tail) {
    const phases = Object.entries(f.phases)
      .filter(([, n]) => n >= 0.05)
      .map(([k, n]) => `${k} ${n.toFixed(2)}`)
      .join(', ');
    const counts = Object.entries(f.counts)
      .map(([k, n]) => `${k} ×${n}`)
      .join(', ');
    console.log(
      `\n${f.ms.toFixed(2)} ms, ${Math.round(f.sinceKeyMs)} ms after ${f.key} — ${phases}${counts ? ` — ${counts}` : ''}`,
    );
    if (profile) console.log(selfTimesIn(profile, offset, f.start, f.end, 8).join('\n'));
  }
  return frames;
}

function summarise(label: string, all: FrameRecord[]): void {
  const sorted = all.map((f) => f.ms);
  console.log(
    `\n${label}, all walks: ${all.length} frames, mean ${mean(sorted).toFixed(2)} ms, p95 ${percentile(sorted, 95).toFixed(2)} ms`,
  );
  const fast = all.filter((f) => f.ms < percentile(sorted, 90));
  const slow = all.filter((f) => f.ms >= percentile(sorted, 90));
  const sums = (set: FrameRecord[]) => {
    const out: Record<string, number> = {};
    for (const f of set)
      for (const [k, n] of Object.entries({ ...f.phases, ...f.counts }))
        out[k] = (out[k] ?? 0) + n / set.length;
    return Object.entries(out)
      .map(([k, n]) => `${k} ${n.toFixed(2)}`)
      .join(', ');
  };
  const totals: Record<string, number> = {};
  for (const f of all) for (const [k, n] of Object.entries(f.counts)) totals[k] = (totals[k] ?? 0) + n;
  console.log(
    `counted over all walks: ${Object.entries(totals)
      .map(([k, n]) => `${k} ×${n}`)
      .join(', ')}`,
  );
  console.log(`per frame, the fastest 90 %: ${sums(fast)}`);
  console.log(`per frame, the slowest 10 %: ${sums(slow)}`);
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      dist: { type: 'string' },
      'baseline-dist': { type: 'string' },
      walks: { type: 'string', default: '1' },
      top: { type: 'string', default: '12' },
      'no-profile': { type: 'boolean', default: false },
    },
  });
  const mediaDir = makeTestMedia(TEST_MEDIA_DIR);
  await makeBenchPictures(path.dirname(mediaDir));
  const serve = (dist: string | undefined) =>
    startFixtureServer({
      ...(dist ? { distDir: path.resolve(dist) } : {}),
      mediaDir: path.dirname(mediaDir),
      home: makeLargeHome(),
      carrier: { deviceProfile: { codecFamily: 'h264', maxHeight: 1080 } },
    });
  // With a baseline build, walks alternate between the two (ABBA…), so a load that moves favours neither.
  const builds = [{ label: 'this build', server: await serve(values.dist), frames: [] as FrameRecord[] }];
  if (values['baseline-dist'])
    builds.push({ label: 'baseline', server: await serve(values['baseline-dist']), frames: [] });
  const options = { profiling: !values['no-profile'], top: Number(values.top) };
  const browser = await launchChromium();
  try {
    for (let walk = 0; walk < Number(values.walks); walk++) {
      const order = walk % 2 === 0 ? builds : [...builds].reverse();
      for (const build of order)
        build.frames.push(
          ...(await walkOnce(browser, `${build.server.url}/`, `${build.label}, walk ${walk + 1}`, options)),
        );
    }
    for (const build of builds) summarise(build.label, build.frames);
  } finally {
    await browser.close();
    for (const build of builds) await build.server.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
