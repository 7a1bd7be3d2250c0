import { mkdirSync } from 'node:fs';
import path from 'node:path';
import BetterSqlite3, { type Database } from 'better-sqlite3';
import {
  StoreUnavailableError,
  type ClaimedWrite,
  type ClaimResult,
  type CollectionUpsert,
  type DocumentStore,
  type StoredDocument,
} from '../document-store.ts';
import { SqliteCollection } from './sqlite-collection.ts';
import { WalCheckpointer } from './wal-checkpointer.ts';
import { WalSync } from './wal-sync.ts';

/** The store's file in the data directory (not `.db`: that suffix is nedb's, see nedb-migration.ts). */
export const SQLITE_FILE = 'ketang.sqlite';

/**
 * Opens (creating) the SQLite database with the settings every connection needs.
 *
 * Durability: WAL journal with `synchronous = NORMAL`, and every write of the store resolves only after the WAL
 * has been fsynced (`WalSync`, on libuv's thread pool). A write the API acknowledges therefore survives a
 * kill -9 and also a power cut or kernel crash, as with `synchronous = FULL`, which fsyncs inside each commit
 * — but there the fsync (about 3 ms here) blocks the event loop, one per transaction, and no request is served
 * meanwhile. Off the loop, one fsync covers every commit made while the previous one ran. Checkpoints still
 * fsync the WAL and the database file themselves (NORMAL), on a worker thread (wal-checkpointer.ts). Heartbeats are coalesced into one transaction
 * (db/write-coalescer.ts) and big writes go WRITE_BATCH rows at a time.
 */
export function openDatabase(file: string): Database {
  const db = new BetterSqlite3(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  // Another process (a CLI sync or backup beside the server) waits for the write lock instead of failing.
  db.pragma('busy_timeout = 5000');
  // 32 MiB of page cache: the lessons' pages read most (single lessons, sync lookups) stay in memory.
  db.pragma('cache_size = -32768');
  db.exec(
    'CREATE TABLE IF NOT EXISTS ketang_key_paths (collection TEXT NOT NULL, path TEXT NOT NULL, PRIMARY KEY (collection, path))',
  );
  return db;
}

/** A claimed _id already existed: rolls back the claim's savepoint (writeClaimed). */
class ClaimTaken extends Error {
  constructor(readonly existing: string[]) {
    super('a claimed _id exists');
  }
}

/** Runs SQLite work, turning "the database cannot be read" into the API's 503. */
function guard<R>(work: () => R): R {
  try {
    return work();
  } catch (error) {
    const code = (error as { code?: string }).code ?? '';
    if (/^SQLITE_(BUSY|LOCKED|IOERR|CANTOPEN)/.test(code)) throw new StoreUnavailableError(error);
    throw error;
  }
}

export type SqliteStore = Omit<DocumentStore, 'collection'> & {
  /** Copies the live database into `file` with SQLite's online backup API; writers carry on meanwhile. */
  backup(file: string): Promise<void>;
  collection<T extends StoredDocument>(name: string): SqliteCollection<T>;
};

/**
 * Checks a database file (a backup) and answers its collections' document counts; throws when SQLite finds
 * it damaged.
 */
export function verifySqliteFile(file: string): Record<string, number> {
  const db = new BetterSqlite3(file, { readonly: true, fileMustExist: true });
  try {
    const check = db.pragma('quick_check', { simple: true });
    if (check !== 'ok') throw new Error(`${file} is damaged: ${String(check)}`);
    const tables = db
      .prepare(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE '%$keys' AND name NOT LIKE 'ketang_%' AND name NOT LIKE 'sqlite_%' ORDER BY name",
      )
      .all() as { name: string }[];
    return Object.fromEntries(
      tables.map(({ name }) => [
        name,
        (db.prepare(`SELECT count(*) AS n FROM "${name.replace(/"/g, '""')}"`).get() as { n: number }).n,
      ]),
    );
  } finally {
    db.close();
  }
}

/** The embedded default: one SQLite database in the data directory. */
export function openSqliteFile(file: string): SqliteStore {
  mkdirSync(path.dirname(file), { recursive: true });
  const db = openDatabase(file);
  const wal = new WalSync(`${file}-wal`);
  // Checkpoints on a worker thread, not inside this connection's commits (wal-checkpointer.ts).
  db.pragma('wal_autocheckpoint = 0');
  const checkpointer = new WalCheckpointer(file, () => {
    if (db.open) db.pragma('wal_autocheckpoint = 1000');
  });
  const durable = () => {
    checkpointer.wrote();
    return wal.sync();
  };
  const collections = new Map<string, SqliteCollection<StoredDocument>>();
  const collectionOf = (name: string) => {
    let collection = collections.get(name);
    if (!collection) {
      collection = guard(() => new SqliteCollection<StoredDocument>(db, name, durable));
      collections.set(name, collection);
    }
    return collection;
  };
  type Target = { collection: SqliteCollection<StoredDocument>; docs: readonly StoredDocument[] };
  const targetsOf = (writes: readonly CollectionUpsert[]): Target[] =>
    writes.map((write) => ({ collection: collectionOf(write.collection), docs: write.docs }));
  // Called within writeClaimed's transaction, each write is a savepoint: a claim that finds an existing _id
  // throws, which rolls its own savepoint back and nothing else.
  const claimThenUpsert = db.transaction((claim: Target | undefined, upserts: readonly Target[]) => {
    const existing = claim ? claim.collection.insertNew(claim.docs) : [];
    if (existing.length > 0) throw new ClaimTaken(existing);
    for (const target of upserts) target.collection.writeDocuments(target.docs);
  });
  const writeAllClaimed = db.transaction(
    (targets: readonly { claim: Target | undefined; upserts: readonly Target[] }[]): ClaimResult[] =>
      targets.map(({ claim, upserts }) => {
        try {
          claimThenUpsert(claim, upserts);
          return { existing: [], isWritten: true };
        } catch (error) {
          if (error instanceof ClaimTaken) return { existing: error.existing, isWritten: false };
          throw error;
        }
      }),
  );
  return {
    kind: 'embedded',
    collection<T extends StoredDocument>(name: string) {
      return collectionOf(name) as unknown as SqliteCollection<T>;
    },
    /** One transaction for every collection: atomic, and one WAL fsync for all of it. */
    async upsertTogether(writes: readonly CollectionUpsert[]) {
      if (writes.every((write) => write.docs.length === 0)) return;
      // Tables are created before the transaction: a rolled-back CREATE TABLE would leave a cached collection
      // without its table.
      const targets = targetsOf(writes);
      guard(() =>
        db.transaction(() => {
          for (const target of targets) target.collection.writeDocuments(target.docs);
        })(),
      );
      await durable();
    },
    /** One transaction, a savepoint per write; one WAL fsync for all of it. */
    async writeClaimed(writes: readonly ClaimedWrite[]) {
      // Tables are created before the transaction, as in upsertTogether.
      const targets = writes.map((write) => ({
        claim: write.claim ? targetsOf([write.claim])[0] : undefined,
        upserts: targetsOf(write.upserts),
      }));
      const results = guard(() => writeAllClaimed(targets));
      if (results.some((result) => result.isWritten)) await durable();
      return results;
    },
    async ping() {
      guard(() => db.prepare('SELECT 1').get());
    },
    async backup(target: string) {
      await db.backup(target);
    },
    async close() {
      if (!db.open) return;
      await checkpointer.stop();
      await wal.close();
      if (!db.open) return;
      db.pragma('optimize');
      db.close();
    },
  };
}
