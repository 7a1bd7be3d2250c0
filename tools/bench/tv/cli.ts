// `npm run bench -- tv [--runs N]`: the TV app beside a minimal reference page (same renderer, framework
// and Vite settings, 30 × 50 plain tiles: tv-app/dev/bench-reference) in Debian Chromium at 1920×1080.
// Both are served from loopback by the fixture server; the app's home is 30 rails × 50 tiles, each with a
// picture (mostly generated covers). `--without-picture-kind` serves that home without `pictureKind`, as an
// API before it did: every tile then draws its caption band, also over covers. `--baseline-dist DIR`: another
// build of the app (e.g. main's tv-app/dist, copied aside) measured the same way in the same run, its own column.
import { execFile } from 'node:child_process';
import path from 'node:path';
import { parseArgs, promisify } from 'node:util';
import { launchChromium } from '../../e2e/browser.ts';
import { buildTvApp } from '../../e2e/build-app.ts';
import { startFixtureServer } from '../../e2e/fixture-server.ts';
import { makeTestMedia, TEST_MEDIA_DIR } from '../../e2e/make-test-media.ts';
import { measureFirstFrame } from './first-frame.ts';
import { makeBenchPictures } from './bench-pictures.ts';
import { makeLargeHome } from './home-30x50.ts';
import { measurePage } from './measure.ts';
import { buildRows, renderReport } from './report.ts';

const REPO = path.resolve(import.meta.dirname, '../../..');
const REFERENCE_DIST = path.join(REPO, '.cache/bench-tv/reference');

async function buildReference(): Promise<void> {
  await promisify(execFile)('npx', ['vite', 'build', '--config', 'dev/bench-reference/vite.config.ts'], {
    cwd: path.join(REPO, 'tv-app'),
  });
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      runs: { type: 'string', default: '5' },
      'without-picture-kind': { type: 'boolean', default: false },
      'baseline-dist': { type: 'string' },
    },
  });
  const runs = Number(values.runs);
  if (!Number.isInteger(runs) || runs < 1 || runs > 20)
    throw new Error('--runs: a whole number from 1 to 20');

  process.stderr.write('building the app and the reference page, making the 1080p test lesson…\n');
  await Promise.all([buildTvApp(), buildReference()]);
  const mediaDir = makeTestMedia(TEST_MEDIA_DIR);
  await makeBenchPictures(path.dirname(mediaDir));
  const withPictureKind = !values['without-picture-kind'];
  // H.264 pinned, so the lesson plays its 1080p rung (this Chromium would otherwise pick AV1, 360p here).
  const app = await startFixtureServer({
    mediaDir: path.dirname(mediaDir),
    home: makeLargeHome(undefined, undefined, withPictureKind),
    carrier: { deviceProfile: { codecFamily: 'h264', maxHeight: 1080 } },
  });
  const reference = await startFixtureServer({ distDir: REFERENCE_DIST });
  const baselineDist = values['baseline-dist'];
  const baseline = baselineDist
    ? await startFixtureServer({
        distDir: path.resolve(baselineDist),
        mediaDir: path.dirname(mediaDir),
        home: makeLargeHome(undefined, undefined, withPictureKind),
        carrier: { deviceProfile: { codecFamily: 'h264', maxHeight: 1080 } },
      })
    : undefined;
  const browser = await launchChromium();
  try {
    process.stderr.write('measuring the reference page…\n');
    const referenceFigures = await measurePage(browser, `${reference.url}/`, runs);
    const baselineFigures = baseline && (await measurePage(browser, `${baseline.url}/`, runs));
    process.stderr.write('measuring the app…\n');
    const appFigures = await measurePage(browser, `${app.url}/`, runs);
    process.stderr.write('measuring OK → first frame…\n');
    const firstFrame = await measureFirstFrame(browser, app.url);
    const notes = [
      `home: 30 × 50 tiles, 4 in 5 generated covers, 1 in 5 video frames; pictureKind ${withPictureKind ? 'sent (no caption band over covers)' : 'left out (a caption band on every tile)'}`,
      `runs: ${runs} cold starts (fresh browser contexts), ${Math.max(2, Math.ceil(runs / 2))} at 6× CPU throttling (CDP Emulation.setCPUThrottlingRate)`,
      `app initial JavaScript: ${appFigures.initialJsFiles.join(', ')}`,
      `OK → first frame runs: ${firstFrame.ms.map((n) => Math.round(n)).join(', ')} ms`,
      'frames per second here measure SwiftShader software GL on the CPU, not the app: compare them only with the reference',
    ];
    const baselineRows = baselineFigures && buildRows(baselineFigures, referenceFigures, firstFrame);
    console.log(
      renderReport(
        buildRows(appFigures, referenceFigures, firstFrame),
        browser.version(),
        notes,
        baselineRows,
      ),
    );
  } finally {
    await browser.close();
    await app.close();
    await reference.close();
    await baseline?.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
