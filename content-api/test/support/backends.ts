import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { startFerretDb, type FerretDb } from '../../../tools/ferretdb/ferretdb-server.ts';

/**
 * A store for one test run: the embedded SQLite store in a fresh directory, or a fresh database on a MongoDB
 * server.
 */
export type Backend = {
  name: 'embedded' | 'mongodb';
  /** Storage settings for a new, empty store. */
  open(): Promise<{ mongodbUri?: string; dataDir: string }>;
  shutdown(): Promise<void>;
};

/** Temporary directories the suite's stores were given, removed at shutdown. */
function scratchDirs() {
  const dirs: string[] = [];
  return {
    make(prefix: string): string {
      const dir = mkdtempSync(path.join(tmpdir(), prefix));
      dirs.push(dir);
      return dir;
    },
    removeAll(): void {
      for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
    },
  };
}

const embeddedDirs = scratchDirs();
export const embeddedBackend: Backend = {
  name: 'embedded',
  open: async () => ({ dataDir: embeddedDirs.make('ketang-embedded-') }),
  shutdown: async () => embeddedDirs.removeAll(),
};

/**
 * MongoDB over a real connection: the server named by MONGODB_URI, or a FerretDB this suite starts. Never a
 * silent skip: a missing server fails the suite.
 */
export function mongoBackend(): Backend {
  let ferret: FerretDb | undefined;
  const dirs = scratchDirs();
  const baseUri = async () => {
    if (process.env.MONGODB_URI) return process.env.MONGODB_URI;
    ferret ??= await startFerretDb();
    return ferret.uri;
  };
  return {
    name: 'mongodb',
    async open() {
      const uri = new URL(await baseUri());
      uri.pathname = `/ketang_${randomUUID().replace(/-/g, '').slice(0, 12)}`;
      return { mongodbUri: uri.toString(), dataDir: dirs.make('ketang-unused-') };
    },
    async shutdown() {
      await ferret?.remove();
      dirs.removeAll();
    },
  };
}
