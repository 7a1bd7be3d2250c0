// A throwaway PostgreSQL cluster on loopback for FerretDB's 'postgresql' handler (benchmarks): FerretDB on
// SQLite scans its tables whatever indexes the API creates, FerretDB on PostgreSQL uses them.
import { spawn, spawnSync, type SpawnOptions } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { tmpdir, userInfo } from 'node:os';
import path from 'node:path';
import { freePort } from './ferretdb-server.ts';

export type Postgres = { url: string; port: number; dataDir: string; remove(): Promise<void> };

/** Debian's PostgreSQL binaries (package `postgresql`), the newest installed major version. */
export function postgresBinDir(): string | undefined {
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return undefined;
  const majors = readdirSync(root)
    .filter((name) => existsSync(path.join(root, name, 'bin', 'postgres')))
    .sort((a, b) => Number(b) - Number(a));
  return majors[0] && path.join(root, majors[0], 'bin');
}

/**
 * PostgreSQL refuses to run as root: as root the cluster belongs to Debian's `postgres` user (its uid and gid
 * read with `id`); otherwise to whoever runs this.
 */
function runAs(): Pick<SpawnOptions, 'uid' | 'gid'> {
  if (userInfo().uid !== 0) return {};
  const id = (flag: string) =>
    Number(spawnSync('id', [flag, 'postgres'], { encoding: 'utf8' }).stdout.trim());
  return { uid: id('-u'), gid: id('-g') };
}

async function waitReady(bin: string, port: number, dataDir: string, deadlineMs: number): Promise<void> {
  const deadline = Date.now() + deadlineMs;
  while (Date.now() < deadline) {
    const ready = spawnSync(path.join(bin, 'pg_isready'), ['-h', '127.0.0.1', '-p', String(port)]);
    if (ready.status === 0) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`PostgreSQL in ${dataDir} did not accept connections within ${deadlineMs} ms`);
}

/**
 * Initialises a cluster in a temporary directory and starts it on a free 127.0.0.1 port (no Unix socket
 * outside that directory, trust authentication on loopback only), with a `ferretdb` database. Durability as
 * shipped: fsync and synchronous_commit stay on, so an acknowledged write is on disk.
 */
export async function startPostgres(): Promise<Postgres> {
  const bin = postgresBinDir();
  if (!bin) {
    throw new Error('PostgreSQL is not installed (/usr/lib/postgresql/*/bin): apt-get install postgresql');
  }
  const owner = runAs();
  const dataDir = mkdtempSync(path.join(tmpdir(), 'ketang-postgres-'));
  if (owner.uid !== undefined) chownSync(dataDir, owner.uid, owner.gid!);
  const init = spawnSync(
    path.join(bin, 'initdb'),
    ['-D', path.join(dataDir, 'data'), '-U', 'postgres', '--auth=trust', '--encoding=UTF8', '--no-sync'],
    { ...owner, encoding: 'utf8' },
  );
  if (init.status !== 0) throw new Error(`initdb failed: ${init.stderr}`);
  const port = await freePort();
  const server = spawn(
    path.join(bin, 'postgres'),
    [
      '-D',
      path.join(dataDir, 'data'),
      '-h',
      '127.0.0.1',
      '-p',
      String(port),
      '-k',
      dataDir,
      '-c',
      'max_connections=200',
      '-c',
      'shared_buffers=256MB',
    ],
    { ...owner, stdio: ['ignore', 'ignore', 'ignore'] },
  );
  await waitReady(bin, port, dataDir, 30_000);
  const created = spawnSync(
    path.join(bin, 'createdb'),
    ['-h', '127.0.0.1', '-p', String(port), '-U', 'postgres', 'ferretdb'],
    { ...owner, encoding: 'utf8' },
  );
  if (created.status !== 0) throw new Error(`createdb failed: ${created.stderr}`);
  return {
    url: `postgres://postgres@127.0.0.1:${port}/ferretdb`,
    port,
    dataDir,
    remove: async () => {
      if (server.exitCode === null) {
        const exited = new Promise<void>((resolve) => server.once('exit', () => resolve()));
        server.kill('SIGINT'); // fast shutdown
        await exited;
      }
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
