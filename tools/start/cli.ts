// `npm start`: the whole system with demo content on the embedded store, at http://localhost:8080.
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { CODEC_FAMILIES } from '@ketang/catalog';
import { createLogger, loadConfig, loadDemo, startServer } from '@ketang/content-api';
import { prepareDemoMedia } from '../demo/demo-media.ts';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const tvAppDir = path.join(repoRoot, 'tv-app');

function newestSourceTime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestSourceTime(full));
    else newest = Math.max(newest, statSync(full).mtimeMs);
  }
  return newest;
}

/** Builds the TV app when its build is missing or older than its sources. */
function buildTvAppIfStale(): void {
  const built = path.join(tvAppDir, 'dist', 'index.html');
  if (existsSync(built) && statSync(built).mtimeMs >= newestSourceTime(path.join(tvAppDir, 'src'))) return;
  console.log('[start] Building the TV app…');
  const result = spawnSync('npm', ['run', 'build', '-w', '@ketang/tv-app'], {
    cwd: repoRoot,
    stdio: 'inherit',
  });
  if (result.status !== 0) throw new Error('the TV app did not build; see the output above');
}

async function main(): Promise<void> {
  buildTvAppIfStale();
  const operatorToken = process.env.KETANG_OPERATOR_TOKEN ?? randomBytes(24).toString('base64url');
  const config = { ...loadConfig({ PORT: '8080', ...process.env, KETANG_OPERATOR_TOKEN: operatorToken }) };
  const logger = createLogger(config.logLevel);
  const running = await startServer({
    config,
    logger,
    seed: (stores, services) => loadDemo(stores, services, config, logger),
  });
  console.log(
    `\n  Ketang is running: open http://localhost:${new URL(running.url).port}/ (arrow keys, Enter, Backspace)\n`,
  );
  const shutdown = () => void running.close().then(() => process.exit(0));
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);

  // The demo's video is made and packaged in the background; lessons become playable as assets register.
  prepareDemoMedia({
    demoVideoDir: config.demoVideoDir,
    mediaDir: config.mediaDir,
    jobsRoot: path.join(repoRoot, '.data', 'packager-jobs'),
    codecs: [...CODEC_FAMILIES],
    registration: { apiBase: running.url, token: operatorToken },
    onLessonsReady: async (lessons) => {
      console.log(`[start] ${lessons.length} demo video lessons ready; packaging them (H.264 first)…`);
      await loadDemo(running.stores, running.services, config, logger);
    },
    onPackaged: (lesson, codecs) => console.log(`[start] packaged ${lesson.id} (${codecs.join(', ')})`),
  }).then(
    () => console.log('[start] all demo video packaged'),
    (error: unknown) =>
      console.error(
        `[start] demo video could not be prepared: ${error instanceof Error ? error.message : error}`,
      ),
  );
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
