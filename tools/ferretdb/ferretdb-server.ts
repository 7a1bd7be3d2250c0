// Starts FerretDB on loopback for tests and benchmarks (the MongoDB code path over a real connection).
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { createServer, connect } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const FERRETDB_BIN = path.join(repoRoot, '.tools', 'ferretdb', 'ferretdb');

export type FerretDb = {
  uri: string;
  port: number;
  dataDir: string;
  process: ChildProcess;
  /** Kills the server and keeps its data, so it can be started again on the same directory. */
  stop(): Promise<void>;
  /** Kills the server and deletes its data directory. */
  remove(): Promise<void>;
};

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

/** Builds FerretDB with tools/ferretdb/install.sh when it is missing (a minute, once per machine). */
export function ensureFerretDbBinary(): string {
  if (existsSync(FERRETDB_BIN)) return FERRETDB_BIN;
  const build = spawnSync('bash', [path.join(repoRoot, 'tools/ferretdb/install.sh')], { stdio: 'inherit' });
  if (build.status !== 0 || !existsSync(FERRETDB_BIN)) {
    throw new Error(`FerretDB is not available at ${FERRETDB_BIN}; run: bash tools/ferretdb/install.sh`);
  }
  return FERRETDB_BIN;
}

async function waitForPort(port: number, deadlineMs: number): Promise<void> {
  const deadline = Date.now() + deadlineMs;
  while (Date.now() < deadline) {
    const isOpen = await new Promise<boolean>((resolve) => {
      const socket = connect(port, '127.0.0.1', () => {
        socket.end();
        resolve(true);
      });
      socket.on('error', () => resolve(false));
    });
    if (isOpen) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`FerretDB did not listen on 127.0.0.1:${port} within ${deadlineMs} ms`);
}

/**
 * Starts FerretDB on a loopback port: on SQLite (a directory; reuse `dataDir` and `port` to restart the same
 * server), or on the PostgreSQL at `postgresqlUrl` (postgres-server.ts), which uses the collections' indexes.
 */
export async function startFerretDb(
  options: { port?: number; dataDir?: string; postgresqlUrl?: string } = {},
): Promise<FerretDb> {
  const bin = ensureFerretDbBinary();
  const port = options.port ?? (await freePort());
  const dataDir = options.dataDir ?? mkdtempSync(path.join(tmpdir(), 'ketang-ferretdb-'));
  const handler = options.postgresqlUrl
    ? ['--handler=postgresql', `--postgresql-url=${options.postgresqlUrl}`]
    : ['--handler=sqlite', `--sqlite-url=file:${dataDir}/`];
  const child = spawn(
    bin,
    [
      ...handler,
      `--state-dir=${dataDir}`,
      `--listen-addr=127.0.0.1:${port}`,
      '--debug-addr=-',
      '--telemetry=disable',
      '--log-level=error',
    ],
    { stdio: ['ignore', 'ignore', 'inherit'] },
  );
  await waitForPort(port, 15_000);
  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill('SIGKILL');
    });
  return {
    uri: `mongodb://127.0.0.1:${port}/`,
    port,
    dataDir,
    process: child,
    stop,
    remove: async () => {
      await stop();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
