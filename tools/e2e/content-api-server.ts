// Starts the real content API with the demo catalogue on a free loopback port:
//   tsx content-api/src/server.ts   with PORT, KETANG_DATA_DIR (a fresh embedded store), KETANG_DEMO=1 and,
//   for playable demo lessons, KETANG_MEDIA_DIR + KETANG_DEMO_VIDEO_DIR (see demo-media.ts).
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';

const REPO = path.resolve(import.meta.dirname, '../..');
export const SERVER_ENTRY = path.join(REPO, 'content-api/src/server.ts');
const READY_TIMEOUT_MS = 90_000;

export type RunningApi = { url: string; stop(): Promise<void>; output(): string };

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

async function waitUntilReady(url: string, child: ChildProcess, output: () => string): Promise<void> {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`content API exited with ${child.exitCode}:\n${output()}`);
    const ready = await fetch(`${url}/readyz`)
      .then((r) => r.ok)
      .catch(() => false);
    if (ready) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`content API not ready at ${url}/readyz within ${READY_TIMEOUT_MS} ms:\n${output()}`);
}

export type ContentApiOptions = {
  mediaDir?: string;
  demoVideoDir?: string;
  /** Test-only: a file holding a clock offset in ms, read by shifted-clock.mjs in the server process. */
  clockFile?: string;
  /** More settings for the server (e.g. `KETANG_ADMIN_PASSWORD` for operator steps). */
  env?: Record<string, string>;
};

const SHIFTED_CLOCK = path.join(import.meta.dirname, 'shifted-clock.mjs');

export async function startContentApi(options: ContentApiOptions = {}): Promise<RunningApi> {
  if (!existsSync(SERVER_ENTRY)) throw new Error(`content API entry missing: ${SERVER_ENTRY}`);
  const port = await freePort();
  const dataDir = mkdtempSync(path.join(tmpdir(), 'ketang-tv-e2e-'));
  const child = spawn(path.join(REPO, 'node_modules/.bin/tsx'), [SERVER_ENTRY], {
    cwd: REPO,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      KETANG_DATA_DIR: dataDir,
      KETANG_DEMO: '1',
      LOG_LEVEL: 'warn',
      ...(options.mediaDir ? { KETANG_MEDIA_DIR: options.mediaDir } : {}),
      ...(options.demoVideoDir ? { KETANG_DEMO_VIDEO_DIR: options.demoVideoDir } : {}),
      ...options.env,
      ...(options.clockFile
        ? {
            KETANG_TEST_CLOCK_FILE: options.clockFile,
            NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --import ${SHIFTED_CLOCK}`.trim(),
          }
        : {}),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  child.stdout!.on('data', (chunk: Buffer) => (log = (log + chunk.toString()).slice(-4000)));
  child.stderr!.on('data', (chunk: Buffer) => (log = (log + chunk.toString()).slice(-4000)));
  const url = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (child.exitCode === null) {
      child.kill('SIGTERM');
      await new Promise((resolve) => child.once('exit', resolve));
    }
    rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    await waitUntilReady(url, child, () => log);
  } catch (error) {
    await stop();
    throw error;
  }
  return { url, stop, output: () => log };
}
