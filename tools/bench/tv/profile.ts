// `npx tsx tools/bench/tv/profile.ts [--dist DIR] [--throttle N] [--walk] [--legacy] [--stored-household] [--carrier JSON]`: where the
// renderer's main thread spends its time, by function self time (CDP Profiler), either over a cold start to a
// focused home (default, at --throttle× CPU) or over the benchmark's focus walk (--walk). The app on the bench's
// 30 × 50 home from the fixture server; --dist measures another build (e.g. main's, copied aside) the same way;
// --legacy boots the legacy bundle in Chromium made to look like an old engine (tools/e2e/old-engine.ts);
// --stored-household boots a box that holds a household credential and a profile already.
// A cold start also lists, per file, the sampled time and when each request started (the boot's waterfall).
import path from 'node:path';
import { parseArgs } from 'node:util';
import { launchChromium, VIEWPORT } from '../../e2e/browser.ts';
import { emulateOldEngine } from '../../e2e/old-engine.ts';
import { startFixtureServer } from '../../e2e/fixture-server.ts';
import { makeTestMedia, TEST_MEDIA_DIR } from '../../e2e/make-test-media.ts';
import { makeBenchPictures } from './bench-pictures.ts';
import { makeLargeHome } from './home-30x50.ts';
import { KEEP_NAMES_SHIM, waitForFocusedHome } from './page-probes.ts';

type ProfileNode = {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
  hitCount?: number;
  children?: number[];
};
type Profile = { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] };

/** Self time per function (file:line:column), the top `limit`, and the total sampled. */
export function selfTimes(profile: Profile, limit = 25): { totalMs: number; top: string[] } {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const ms = new Map<string, number>();
  profile.samples.forEach((id, i) => {
    const frame = byId.get(id)!.callFrame;
    const file = frame.url ? path.basename(new URL(frame.url, 'http://x').pathname) : '';
    const key = `${frame.functionName || '(anonymous)'} ${file}:${frame.lineNumber + 1}:${frame.columnNumber + 1}`;
    ms.set(key, (ms.get(key) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000);
  });
  const totalMs = [...ms.values()].reduce((sum, n) => sum + n, 0);
  const top = [...ms.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, limit)
    .map(([key, n]) => `${n.toFixed(1).padStart(8)} ms  ${key}`);
  return { totalMs, top };
}

/** Sampled time per script file (self time of its functions; the engine's own work under '(program)' etc.). */
export function timePerFile(profile: Profile): string[] {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const ms = new Map<string, number>();
  profile.samples.forEach((id, i) => {
    const frame = byId.get(id)!.callFrame;
    const file = frame.url ? path.basename(new URL(frame.url, 'http://x').pathname) : frame.functionName;
    ms.set(file, (ms.get(file) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000);
  });
  return [...ms.entries()]
    .sort((a, b) => b[1] - a[1])
    .filter(([, n]) => n >= 1)
    .map(([file, n]) => `${n.toFixed(1).padStart(8)} ms  ${file}`);
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      dist: { type: 'string' },
      throttle: { type: 'string', default: '6' },
      walk: { type: 'boolean', default: false },
      carrier: { type: 'string' },
      legacy: { type: 'boolean', default: false },
      'stored-household': { type: 'boolean', default: false },
    },
  });
  const mediaDir = makeTestMedia(TEST_MEDIA_DIR);
  await makeBenchPictures(path.dirname(mediaDir));
  const server = await startFixtureServer({
    ...(values.dist ? { distDir: path.resolve(values.dist) } : {}),
    mediaDir: path.dirname(mediaDir),
    home: makeLargeHome(),
    ...(values.carrier ? { carrier: JSON.parse(values.carrier) as unknown } : {}),
  });
  const browser = await launchChromium();
  try {
    const context = await browser.newContext({ viewport: VIEWPORT });
    await context.addInitScript(KEEP_NAMES_SHIM);
    if (values.legacy) await emulateOldEngine(context, server.url, { withModules: false });
    // A box after its first start holds a credential and a profile (the legacy bench's case).
    if (values['stored-household'])
      await context.addInitScript(() => {
        const credential = { token: 'fixture-token', householdId: 'h-fixture', deviceId: 'd-fixture' };
        localStorage.setItem('ketang.household', JSON.stringify(credential));
        localStorage.setItem('ketang.profileId', 'p-fixture');
      });
    const page = await context.newPage();
    const requests: string[] = [];
    let navigatedAt = 0;
    page.on('request', (request) => {
      const at = navigatedAt ? Date.now() - navigatedAt : 0;
      requests.push(`${String(at).padStart(6)} ms  ${new URL(request.url()).pathname}`);
    });
    const cdp = await context.newCDPSession(page);
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
    const throttle = values.walk ? 1 : Number(values.throttle);
    if (throttle > 1) await cdp.send('Emulation.setCPUThrottlingRate', { rate: throttle });
    if (!values.walk) await cdp.send('Profiler.start');
    navigatedAt = Date.now();
    await page.goto(`${server.url}/`);
    const readyMs = await waitForFocusedHome(page, 60_000);
    if (values.walk) {
      await page.waitForTimeout(1500);
      await cdp.send('Profiler.start');
      for (const key of ['ArrowRight', 'ArrowRight', 'ArrowRight', 'ArrowRight', 'ArrowRight', 'ArrowRight']
        .concat(['ArrowDown', 'ArrowDown', 'ArrowDown', 'ArrowLeft', 'ArrowLeft', 'ArrowDown', 'ArrowDown'])
        .concat(['ArrowRight', 'ArrowRight', 'ArrowUp', 'ArrowUp'])) {
        await page.keyboard.press(key);
        await page.waitForTimeout(180);
      }
      await page.waitForTimeout(400);
    }
    const { profile } = (await cdp.send('Profiler.stop')) as { profile: Profile };
    const { totalMs, top } = selfTimes(profile, 40);
    console.log(
      `${values.walk ? 'focus walk' : `cold start at ${throttle}×: focused home at ${Math.round(readyMs)} ms`}; sampled ${totalMs.toFixed(0)} ms`,
    );
    console.log(top.join('\n'));
    if (!values.walk) {
      console.log('\nper file:');
      console.log(timePerFile(profile).join('\n'));
      console.log('\nrequests (since navigation, wall clock):');
      console.log(requests.join('\n'));
    }
    await context.close();
  } finally {
    await browser.close();
    await server.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
