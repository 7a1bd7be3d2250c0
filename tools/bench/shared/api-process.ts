import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createServer } from 'node:net';
import { runLoad, type LoadResult } from './load.ts';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

/** Where the API keeps its data: the embedded store's directory, or a MongoDB-wire server. */
export type BenchStorage = { mongodbUri?: string; dataDir: string };

export type ApiProcess = { url: string; pid: number; readyMs: number; stop(): Promise<void> };

function spawnNode(args: string[], env: Record<string, string>): ChildProcess {
  return spawn(process.execPath, args, {
    cwd: repoRoot,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
}

async function waitUntilReady(url: string, child: ChildProcess): Promise<void> {
  for (let attempt = 0; attempt < 900; attempt += 1) {
    if (child.exitCode !== null) throw new Error(`the API exited (${child.exitCode}) before it was ready`);
    if (
      await fetch(`${url}/readyz`).then(
        (response) => response.ok,
        () => false,
      )
    )
      return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`${url} did not become ready`);
}

/** Below the kernel's ephemeral range (`ip_local_port_range`, 32768–60999 here). */
const API_PORTS = { from: 20_000, to: 32_000 };

function isFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

/**
 * A free port for the API outside the ephemeral range. With a port from that range, the readiness polls of an
 * API slow to start (a minute and more on a loaded machine) walk the ephemeral source ports until one connects
 * to itself on the API's port, which the API then cannot listen on (EADDRINUSE; seen twice in a row).
 */
async function freeApiPort(): Promise<number> {
  for (let attempt = 0; attempt < 100; attempt += 1) {
    const port = API_PORTS.from + Math.floor(Math.random() * (API_PORTS.to - API_PORTS.from));
    if (await isFree(port)) return port;
  }
  throw new Error(`no free port in ${API_PORTS.from}–${API_PORTS.to}`);
}

/** Stops a child with SIGTERM and waits for it to exit (the embedded store compacts its files on the way). */
function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return Promise.resolve();
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  return exited;
}

/**
 * The API in its own process on 127.0.0.1 (`content-api/src/server.ts`), on the given store, ready when this
 * resolves. `env` adds settings (e.g. the response cache); `nodeArgs` go to node (e.g. `--cpu-prof`).
 */
export async function startApi(
  storage: BenchStorage,
  env: Record<string, string> = {},
  nodeArgs: string[] = [],
): Promise<ApiProcess> {
  const port = await freeApiPort();
  const spawned = performance.now();
  // KETANG_BENCH_API_ROOT: another checkout's API (e.g. `git archive` of an older commit beside this one's
  // node_modules), to measure code before and after a change in one run.
  const apiRoot = process.env.KETANG_BENCH_API_ROOT ?? repoRoot;
  const child = spawnNode([...nodeArgs, '--import', 'tsx', path.join(apiRoot, 'content-api/src/server.ts')], {
    PORT: String(port),
    HOST: '127.0.0.1',
    LOG_LEVEL: 'warn',
    KETANG_DATA_DIR: storage.dataDir,
    ...(storage.mongodbUri ? { MONGODB_URI: storage.mongodbUri } : {}),
    ...env,
  });
  const url = `http://127.0.0.1:${port}`;
  child.once('exit', (code, signal) => {
    if (code !== 0) console.error(`the API process exited: code ${code}, signal ${signal}`);
  });
  try {
    await waitUntilReady(url, child);
  } catch (error) {
    await stopChild(child);
    throw error;
  }
  return {
    url,
    pid: child.pid!,
    readyMs: Math.round(performance.now() - spawned),
    stop: () => stopChild(child),
  };
}

/** Resident memory of a process, in MiB. */
export const rssMiB = (pid: number) =>
  Math.round(Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1]) / 1024);

/**
 * CPU seconds a process has used so far (user + system, all its threads, from /proc/<pid>/stat): on a shared
 * machine, CPU per request says more than requests per second.
 */
export function cpuSeconds(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  // The fields after the command name (which may hold spaces) in parentheses; utime and stime are 14 and 15.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS_PER_SECOND;
}
/** `getconf CLK_TCK`: 100 on Linux. */
const CLOCK_TICKS_PER_SECOND = 100;

/** The bare Express endpoint (`bare-server.ts`) in its own process, for the length of `body`. */
export async function withBare<T>(body: (url: string, pid: number) => Promise<T>): Promise<T> {
  const child = spawnNode(['--import', 'tsx', path.join(repoRoot, 'tools/bench/shared/bare-server.ts')], {});
  const port = await new Promise<number>((resolve) =>
    child.stdout!.once('data', (data) => resolve(Number(String(data).trim()))),
  );
  try {
    return await body(`http://127.0.0.1:${port}`, child.pid!);
  } finally {
    await stopChild(child);
  }
}

/**
 * The baseline: the bare Express endpoint (`bare-server.ts`) in its own process, loaded like the API.
 */
export async function benchBare(seconds: number, connections: number): Promise<LoadResult> {
  return withBare((url) => runLoad(url, ['/bare'], seconds, connections));
}

/**
 * Waits until the API has finished its start-up work in the background (the dashboards' rollup catches up on
 * every day of the retention window at start, reading that window's progress: minutes on a store seeded with
 * a month of it), so that a load measures the requests, not that. Idle: under `idleShare` of one core over
 * a second. Resolves with the seconds waited; gives up (and says so) after `maxSeconds`.
 */
const IDLE_SECONDS = 5;

export async function waitUntilIdle(pid: number, maxSeconds = 600, idleShare = 0.15): Promise<number> {
  const started = performance.now();
  let before = cpuSeconds(pid);
  let idleSeconds = 0;
  while ((performance.now() - started) / 1000 < maxSeconds) {
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const now = cpuSeconds(pid);
    // Several quiet seconds in a row: the rollup starts after a first await, so one quiet second is not enough.
    idleSeconds = now - before < idleShare ? idleSeconds + 1 : 0;
    if (idleSeconds >= IDLE_SECONDS) return Math.round((performance.now() - started) / 100) / 10;
    before = now;
  }
  console.warn(`the API was still busy ${maxSeconds} s after its start; measuring anyway`);
  return maxSeconds;
}
