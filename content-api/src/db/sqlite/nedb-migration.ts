import { createReadStream, existsSync, mkdirSync, readdirSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline';
import type { StoredDocument } from '../document-store.ts';
import { openSqliteFile } from './sqlite-store.ts';

/** nedb wrote one `<collection>.db` file per collection in the data directory. */
const NEDB_SUFFIX = '.db';
/** nedb itself refuses a file with more than 10% unreadable lines; so does the migration. */
const CORRUPT_LINE_LIMIT = 0.1;

export type CollectionCount = { collection: string; nedb: number; sqlite: number; unreadableLines: number };
export type MigrationReport = { counts: CollectionCount[]; movedTo: string };

export function nedbFilesIn(dataDir: string): string[] {
  if (!existsSync(dataDir)) return [];
  return readdirSync(dataDir, { withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith(NEDB_SUFFIX))
    .map((entry) => entry.name)
    .sort();
}

/** `{ $$date: ms }` is how nedb wrote dates; they come back as Date, stored as their ISO string. */
function revive(key: string, value: unknown): unknown {
  if (typeof value === 'object' && value !== null && '$$date' in value) {
    return new Date((value as { $$date: number }).$$date);
  }
  return value;
}

/**
 * Reads a nedb file the way nedb loads it, without nedb (which would rewrite the file): one JSON document a
 * line, a later line replacing an earlier one with the same _id, `$$deleted` removing it, index lines skipped.
 */
export async function readNedbFile(
  file: string,
): Promise<{ docs: Map<string, StoredDocument>; unreadableLines: number }> {
  const docs = new Map<string, StoredDocument>();
  let lines = 0;
  let unreadableLines = 0;
  const reader = createInterface({ input: createReadStream(file, 'utf8'), crlfDelay: Infinity });
  for await (const line of reader) {
    if (line.trim() === '') continue;
    lines += 1;
    let doc: Record<string, unknown>;
    try {
      doc = JSON.parse(line, revive) as Record<string, unknown>;
    } catch {
      unreadableLines += 1; // a line cut short by a kill during an append
      continue;
    }
    if ('$$indexCreated' in doc || '$$indexRemoved' in doc) continue;
    if (typeof doc._id !== 'string') continue;
    if (doc.$$deleted === true) docs.delete(doc._id);
    else docs.set(doc._id, doc as unknown as StoredDocument);
  }
  if (lines > 0 && unreadableLines / lines > CORRUPT_LINE_LIMIT) {
    throw new Error(`${file}: ${unreadableLines} of ${lines} lines are unreadable; not migrating it`);
  }
  return { docs, unreadableLines };
}

function removeDatabase(file: string): void {
  for (const suffix of ['', '-wal', '-shm']) rmSync(`${file}${suffix}`, { force: true });
}

/**
 * Copies every nedb collection of the data directory into a new SQLite file, checks each collection's count,
 * then puts the SQLite file in place and moves the nedb files aside into `nedb-migrated-<time>/` (never
 * deleting them). A failure leaves the nedb files where they were and no SQLite file, so the next start
 * tries again.
 */
export async function migrateNedbStore(dataDir: string, sqliteFile: string): Promise<MigrationReport> {
  const files = nedbFilesIn(dataDir);
  const scratch = `${sqliteFile}.migrating`;
  removeDatabase(scratch);
  const store = openSqliteFile(scratch);
  const counts: CollectionCount[] = [];
  try {
    for (const file of files) {
      const collectionName = file.slice(0, -NEDB_SUFFIX.length);
      const { docs, unreadableLines } = await readNedbFile(path.join(dataDir, file));
      const collection = store.collection<StoredDocument>(collectionName);
      await collection.upsertMany([...docs.values()]);
      const sqlite = await collection.count({});
      counts.push({ collection: collectionName, nedb: docs.size, sqlite, unreadableLines });
    }
  } finally {
    await store.close();
  }
  const wrong = counts.filter((count) => count.nedb !== count.sqlite);
  if (wrong.length > 0) {
    removeDatabase(scratch);
    const details = wrong.map(
      (count) => `${count.collection}: ${count.nedb} in nedb, ${count.sqlite} in SQLite`,
    );
    throw new Error(`the nedb migration did not verify (${details.join('; ')}); nothing was changed`);
  }
  renameSync(scratch, sqliteFile);
  const movedTo = path.join(dataDir, `nedb-migrated-${new Date().toISOString().replace(/[:.]/g, '-')}`);
  mkdirSync(movedTo);
  for (const file of files) renameSync(path.join(dataDir, file), path.join(movedTo, file));
  return { counts, movedTo };
}
