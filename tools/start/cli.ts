// `npm start`: the whole system with demo content on the embedded store, at http://localhost:8080.
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { CODEC_FAMILIES } from '@ketang/catalog';
import { createLogger, loadConfig, loadDemo, startServer } from '@ketang/content-api';
import { prepareDemoMedia } from '../demo/demo-media.ts';
import { buildIfStale } from './build-if-stale.ts';
import { demoAdminPassword } from './demo-admin.ts';
import { frontEnds } from './front-ends.ts';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** The front ends the API serves: the TV app at `/`, the web pages (phone page, activation, console). */
const FRONT_ENDS = Object.values(frontEnds(repoRoot));

async function main(): Promise<void> {
  for (const frontEnd of FRONT_ENDS) buildIfStale(frontEnd, repoRoot);
  const operatorToken = process.env.KETANG_OPERATOR_TOKEN ?? randomBytes(24).toString('base64url');
  const adminPassword = process.env.KETANG_ADMIN_PASSWORD ?? demoAdminPassword(path.join(repoRoot, '.data'));
  const config = {
    ...loadConfig({
      PORT: '8080',
      ...process.env,
      KETANG_OPERATOR_TOKEN: operatorToken,
      KETANG_ADMIN_PASSWORD: adminPassword,
    }),
  };
  const logger = createLogger(config.logLevel);
  const running = await startServer({
    config,
    logger,
    seed: (stores, services) => loadDemo(stores, services, config, logger),
  });
  console.log(
    `\n  Ketang is running: open http://localhost:${new URL(running.url).port}/ (arrow keys, Enter, Backspace)` +
      `\n  The parent's phone page opens from the QR code on the TV (/family/)` +
      `\n  The operator console: /console/ — user admin, password ${
        process.env.KETANG_ADMIN_PASSWORD
          ? '(your KETANG_ADMIN_PASSWORD)'
          : `${adminPassword} (kept in .data/console-admin-password)`
      }\n`,
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
