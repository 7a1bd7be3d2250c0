import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Catalogue } from '@ketang/catalog';
import { writeCatalogue } from '@ketang/content-api';
import type { DocumentStore } from '../../../content-api/src/db/document-store.ts';
import { openStore } from '../../../content-api/src/db/open-store.ts';
import { createStores, ensureIndexes, type Stores } from '../../../content-api/src/stores/stores.ts';
import { startFerretDb } from '../../ferretdb/ferretdb-server.ts';
import { startPostgres } from '../../ferretdb/postgres-server.ts';
import type { BenchStorage } from './api-process.ts';
import { seconds } from './catalogue.ts';

export type BackendName = 'embedded' | 'mongodb';

/** Parses `--backends embedded,mongodb`; a name neither is stops the benchmark here. */
export function parseBackends(list: string): BackendName[] {
  return list.split(',').map((name) => {
    if (name !== 'embedded' && name !== 'mongodb') throw new Error(`unknown backend "${name}"`);
    return name;
  });
}

/** What FerretDB keeps its data in: SQLite (what the contract suite uses), or PostgreSQL (uses indexes). */
export type FerretBackend = 'sqlite' | 'postgresql';

export function parseFerretBackend(name: string): FerretBackend {
  if (name !== 'sqlite' && name !== 'postgresql') throw new Error(`unknown FerretDB backend "${name}"`);
  return name;
}

/**
 * Runs `body` with a fresh store of the named backend: a new embedded store directory, or a FerretDB started
 * for the run on 127.0.0.1 (on SQLite, or on a PostgreSQL cluster started beside it) and removed afterwards.
 * `keptDir`: the embedded store lives there and is kept after the run (seeding 100k lessons and 10,000
 * households takes minutes; a later run reuses it).
 */
export async function withBackend<T>(
  name: BackendName,
  body: (storage: BenchStorage) => Promise<T>,
  ferretBackend: FerretBackend = 'sqlite',
  keptDir?: string,
) {
  if (name === 'embedded' && keptDir) {
    mkdirSync(keptDir, { recursive: true });
    return await body({ dataDir: keptDir });
  }
  if (name === 'embedded') {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'ketang-bench-store-'));
    try {
      return await body({ dataDir });
    } finally {
      rmSync(dataDir, { recursive: true, force: true }); // about 580 MB at 100k lessons
    }
  }
  const postgres = ferretBackend === 'postgresql' ? await startPostgres() : undefined;
  try {
    const ferret = await startFerretDb({ ...(postgres ? { postgresqlUrl: postgres.url } : {}) });
    try {
      return await body({ mongodbUri: `${ferret.uri}ketang_bench`, dataDir: ferret.dataDir });
    } finally {
      await ferret.remove();
    }
  } finally {
    await postgres?.remove();
  }
}

/** Opens the store from this process (the API not running on it), runs `body` with its stores, closes it. */
export async function withStores<T>(
  storage: BenchStorage,
  body: (stores: Stores, backend: DocumentStore) => Promise<T>,
): Promise<T> {
  const backend = await openStore(storage);
  try {
    await ensureIndexes(backend);
    return await body(createStores(backend), backend);
  } finally {
    await backend.close();
  }
}

/** Writes the catalogue into the store (as a sync would), before the API starts on it. */
export async function writeBenchCatalogue(
  name: string,
  storage: BenchStorage,
  catalogue: Catalogue,
): Promise<void> {
  const started = performance.now();
  await withStores(storage, (stores) => writeCatalogue(stores, catalogue));
  console.log(`${name}: wrote ${catalogue.lessons.length} lessons in ${seconds(started)} s`);
}
