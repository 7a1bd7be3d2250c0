import { appendFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { open, type FileHandle } from 'node:fs/promises';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { openNedbStore } from '../../test/support/nedb-store.ts';
import { runCatalogCli } from '../cli/catalog.cli.ts';
import { openEmbeddedStore } from './embedded-store.ts';
import type { StoredDocument } from './document-store.ts';
import { openDatabase, openSqliteFile, SQLITE_FILE, verifySqliteFile } from './sqlite/sqlite-store.ts';

type Doc = StoredDocument & { value: number; tags?: string[] };

describe('the embedded store on SQLite', () => {
  const dirs: string[] = [];
  afterEach(() => {
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });
  const scratch = () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'ketang-migration-'));
    dirs.push(dir);
    return dir;
  };

  /** A data directory as the nedb store left it: replaced lines, deletions and index lines, never compacted. */
  async function writeNedbDirectory(dir: string): Promise<void> {
    const nedb = await openNedbStore(dir);
    const lessons = nedb.collection<Doc>('lessons');
    await lessons.createIndex({ tags: 1 });
    await lessons.upsertMany(
      Array.from({ length: 30 }, (_, index) => ({ _id: `l${index}`, value: index, tags: [`t${index % 3}`] })),
    );
    await lessons.upsertMany([{ _id: 'l1', value: 100, tags: ['t9'] }]);
    await lessons.deleteMany({ _id: { $in: ['l2', 'l3'] } });
    await nedb.collection<Doc>('meta').upsertMany([{ _id: 'catalogue', value: 7 }]);
    await nedb.ping();
  }

  it('commits in WAL mode with synchronous = NORMAL, the WAL fsynced by the store before a write resolves', () => {
    const db = openDatabase(path.join(scratch(), SQLITE_FILE));
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('synchronous', { simple: true })).toBe(1); // NORMAL: WalSync does the fsync
    db.close();
  });

  it('resolves every kind of write only after an fsync of the WAL', async () => {
    const dir = scratch();
    const store = openSqliteFile(path.join(dir, SQLITE_FILE));
    const handle = await open(path.join(dir, 'probe'), 'w');
    const prototype = Object.getPrototypeOf(handle) as FileHandle;
    await handle.close();
    const release: (() => void)[] = [];
    const fsynced: string[] = [];
    const sync = vi.spyOn(prototype, 'sync').mockImplementation(function (this: FileHandle) {
      return new Promise<void>((resolve) => release.push(resolve));
    });
    try {
      const items = store.collection<Doc>('items');
      const writes = [
        items.upsertMany([{ _id: 'a', value: 1 }]).then(() => fsynced.push('upsert')),
        store
          .upsertTogether([{ collection: 'more', docs: [{ _id: 'b' }] }])
          .then(() => fsynced.push('together')),
      ];
      await new Promise((resolve) => setTimeout(resolve, 20));
      expect(fsynced).toEqual([]);
      // Committed already (readable), durable once the fsync returns.
      expect(await items.count({})).toBe(1);
      while (fsynced.length < 2) {
        release.splice(0).forEach((resolve) => resolve());
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
      await Promise.all(writes);
      expect(sync).toHaveBeenCalled();
      expect(fsynced.sort()).toEqual(['together', 'upsert']);
    } finally {
      sync.mockRestore();
      await store.close();
    }
  });

  it('writes upsertTogether in one transaction: all of it or, on an error, none', async () => {
    const store = openSqliteFile(path.join(scratch(), SQLITE_FILE));
    try {
      const cyclic: Record<string, unknown> = { _id: 'bad' };
      cyclic.self = cyclic;
      await expect(
        store.upsertTogether([
          { collection: 'one', docs: [{ _id: 'x' }] },
          { collection: 'two', docs: [cyclic as unknown as StoredDocument] },
        ]),
      ).rejects.toThrow(/circular/i);
      expect(await store.collection('one').count({})).toBe(0);
      await store.upsertTogether([
        { collection: 'one', docs: [{ _id: 'x' }] },
        { collection: 'two', docs: [{ _id: 'y' }] },
      ]);
      expect(await store.collection('one').count({})).toBe(1);
      expect(await store.collection('two').count({})).toBe(1);
    } finally {
      await store.close();
    }
  });

  it('migrates a nedb data directory at open, verified by counts, moving the nedb files aside', async () => {
    const dir = scratch();
    await writeNedbDirectory(dir);
    expect(readFileSync(path.join(dir, 'lessons.db'), 'utf8')).toContain('$$deleted');

    const store = await openEmbeddedStore(dir);
    const lessons = store.collection<Doc>('lessons');
    await lessons.createIndex({ tags: 1 });
    expect(await lessons.count({})).toBe(28);
    expect(await lessons.findOne({ _id: 'l1' })).toEqual({ _id: 'l1', value: 100, tags: ['t9'] });
    expect(await lessons.findOne({ _id: 'l2' })).toBeNull();
    // The keys table is filled for documents migrated before the index was declared.
    expect(await lessons.count({ tags: 't0' })).toBe(9); // 0, 6, 9 … 27: l3 was deleted
    expect(await store.collection<Doc>('meta').findOne({ _id: 'catalogue' })).toEqual({
      _id: 'catalogue',
      value: 7,
    });
    await store.close();

    const entries = readdirSync(dir);
    expect(entries).toContain(SQLITE_FILE);
    expect(entries.filter((name) => name.endsWith('.db'))).toEqual([]);
    const aside = entries.find((name) => name.startsWith('nedb-migrated-'))!;
    expect(readdirSync(path.join(dir, aside)).sort()).toEqual(['lessons.db', 'meta.db']);

    // Opened again: nothing to migrate, same data.
    const again = await openEmbeddedStore(dir);
    expect(await again.collection<Doc>('lessons').count({})).toBe(28);
    await again.close();
  });

  it('leaves the nedb files in place and writes no SQLite file when a file cannot be read', async () => {
    const dir = scratch();
    await writeNedbDirectory(dir);
    appendFileSync(path.join(dir, 'meta.db'), 'not json\n{"broken":\n');
    await expect(openEmbeddedStore(dir)).rejects.toThrow(/meta\.db: 2 of 3 lines are unreadable/);
    expect(existsSync(path.join(dir, SQLITE_FILE))).toBe(false);
    expect(
      readdirSync(dir)
        .filter((name) => name.endsWith('.db'))
        .sort(),
    ).toEqual(['lessons.db', 'meta.db']);
  });

  it('backs up a live store with the online backup API; the copy restores every document', async () => {
    const dir = scratch();
    const store = openSqliteFile(path.join(dir, SQLITE_FILE));
    const lessons = store.collection<Doc>('lessons');
    await lessons.upsertMany(
      Array.from({ length: 2_000 }, (_, index) => ({ _id: `l${index}`, value: index })),
    );
    const target = path.join(dir, 'copy.sqlite');
    // Writes go on while the backup runs.
    await Promise.all([store.backup(target), lessons.upsertMany([{ _id: 'late', value: -1 }])]);
    await store.close();
    expect(verifySqliteFile(target).lessons).toBeGreaterThanOrEqual(2_000);

    const restored = openSqliteFile(target);
    expect(await restored.collection<Doc>('lessons').findOne({ _id: 'l1999' })).toEqual({
      _id: 'l1999',
      value: 1999,
    });
    await restored.close();
  });

  it('backs up from the command line, refusing to overwrite a file', async () => {
    const dir = scratch();
    const store = openSqliteFile(path.join(dir, SQLITE_FILE));
    await store.collection<Doc>('meta').upsertMany([{ _id: 'catalogue', value: 1 }]);
    await store.close();
    const target = path.join(dir, 'backup.sqlite');
    const previous = process.env.KETANG_DATA_DIR;
    process.env.KETANG_DATA_DIR = dir;
    try {
      expect(await runCatalogCli(['backup-store', target])).toBe(0);
      expect(verifySqliteFile(target)).toEqual({ meta: 1 });
      expect(await runCatalogCli(['backup-store', target])).toBe(2);
    } finally {
      if (previous === undefined) delete process.env.KETANG_DATA_DIR;
      else process.env.KETANG_DATA_DIR = previous;
    }
  });
});
