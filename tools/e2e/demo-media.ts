// One short demo lesson, generated (ffmpeg + espeak-ng) and packaged (the real packager) for the
// end-to-end tests and the benchmark: the content API's demo loader turns it into a playable lesson at the
// head of its textbook. Made once per machine state into .cache/e2e-demo-media/<key>, shared by every test
// file of a run (a lock directory serialises concurrent preparers).
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import type { CodecFamily } from '@ketang/catalog';
import {
  generateDemoVideo,
  isPackaged,
  packageDemoLesson,
  type DemoMediaOptions,
  type DemoPackagingExtras,
} from '../demo/demo-media.ts';

const REPO = path.resolve(import.meta.dirname, '../..');
// 19.4 s with Chinese captions, placed by the demo loader in the demo's 二年级 数学 textbook (the demo
// catalogue has no music or art). Its length leaves a 3.4 s last segment: lessons with a tail under 2 s
// (e.g. demo-math-g2-times-tables, 20.92 s) fail the packager's bandwidth check at 1080p.
export const E2E_LESSON_ID = 'demo-math-g1-addition-within-10';
const CODECS: CodecFamily[] = ['h264', 'av1'];
// A short ladder keeps CI fast; 1080p H.264 stays for the benchmark's "OK to first frame of a 1080p lesson".
const PACKAGING: DemoPackagingExtras = {
  ladder: {
    h264: [
      { height: 360, maxrateKbps: 800 },
      { height: 1080, maxrateKbps: 5000 },
    ],
    av1: [
      { height: 360, maxrateKbps: 400 },
      { height: 720, maxrateKbps: 1400 },
    ],
  },
};
const LOCK_STALE_MS = 10 * 60_000;

export type DemoMediaDirs = { demoVideoDir: string; mediaDir: string; lessonId: string };

function cacheKey(): string {
  const scripts = readFileSync(path.join(REPO, 'tools/demo-video/lessons.json'));
  return createHash('sha256')
    .update(scripts)
    .update(JSON.stringify({ E2E_LESSON_ID, CODECS, PACKAGING }))
    .digest('hex')
    .slice(0, 16);
}

async function withLock<T>(lockDir: string, work: () => Promise<T>): Promise<T> {
  const deadline = Date.now() + LOCK_STALE_MS;
  for (;;) {
    try {
      mkdirSync(lockDir);
      break;
    } catch {
      const isStale = existsSync(lockDir) && Date.now() - statSync(lockDir).mtimeMs > LOCK_STALE_MS;
      if (isStale || Date.now() > deadline) rmSync(lockDir, { recursive: true, force: true });
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  }
  try {
    return await work();
  } finally {
    rmSync(lockDir, { recursive: true, force: true });
  }
}

/** Generates and packages the e2e demo lesson unless this run (or an earlier one) already has. */
export async function prepareDemoMedia(): Promise<DemoMediaDirs> {
  const root = path.join(REPO, '.cache/e2e-demo-media', cacheKey());
  const dirs = {
    demoVideoDir: path.join(root, 'demo-video'),
    mediaDir: path.join(root, 'media'),
    lessonId: E2E_LESSON_ID,
  };
  if (isPackaged(dirs.mediaDir, E2E_LESSON_ID)) return dirs;
  mkdirSync(root, { recursive: true });
  return withLock(path.join(root, '.lock'), async () => {
    if (isPackaged(dirs.mediaDir, E2E_LESSON_ID)) return dirs;
    const options: DemoMediaOptions = {
      demoVideoDir: dirs.demoVideoDir,
      mediaDir: dirs.mediaDir,
      jobsRoot: path.join(root, 'jobs'),
      only: [E2E_LESSON_ID],
      codecs: CODECS,
    };
    const [lesson] = await generateDemoVideo(options);
    if (!lesson) throw new Error(`demo lesson ${E2E_LESSON_ID} is not in tools/demo-video/lessons.json`);
    await packageDemoLesson(lesson, options, CODECS, PACKAGING);
    return dirs;
  });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(await prepareDemoMedia());
}
