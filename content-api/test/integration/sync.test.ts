import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DocumentStore } from '../../src/db/document-store.ts';
import { openStore } from '../../src/db/open-store.ts';
import { RevisionTracker } from '../../src/services/revision-tracker.ts';
import { syncCatalogue } from '../../src/services/sync/catalogue-sync.ts';
import { createStores, ensureIndexes, type Stores } from '../../src/stores/stores.ts';
import { embeddedBackend, mongoBackend, type Backend } from '../support/backends.ts';
import { countWrites, dumpCatalogue } from '../support/counting-store.ts';
import { TestMirror } from '../support/mirror.ts';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const backends: Backend[] = [embeddedBackend, mongoBackend()];
const logger = pino({ level: 'silent' });

type Opened = {
  backend: DocumentStore;
  stores: Stores;
  revisions: RevisionTracker;
  writes: Map<string, number>;
};

async function open(storage: { mongodbUri?: string; dataDir: string }): Promise<Opened> {
  const raw = await openStore(storage);
  await ensureIndexes(raw);
  const { store, writes } = countWrites(raw);
  const stores = createStores(store);
  return { backend: raw, stores, revisions: new RevisionTracker(stores.revision, logger), writes };
}

const sync = (opened: Opened, mirror: TestMirror, signal?: AbortSignal) =>
  syncCatalogue(opened.stores, opened.revisions, mirror.dir, { signal });

describe.each(backends)('catalogue sync on the $name store', (backend) => {
  afterAll(() => backend.shutdown());

  describe('incremental sync', () => {
    let mirror: TestMirror;
    let opened: Opened;

    beforeAll(async () => {
      mirror = await TestMirror.create({ textbooks: 5, lessonsPerTextbook: 6 });
      opened = await open(await backend.open());
    }, 60_000);

    afterAll(async () => {
      await opened?.backend.close();
      await mirror?.remove();
    });

    it('adds everything on the first sync, and a second sync writes nothing and keeps the revision', async () => {
      const first = await sync(opened, mirror);
      expect(first.totals).toMatchObject({ added: 8, changed: 0, retired: 0, lessons: { added: 36 } });
      expect(first.revision).toBe(1);
      expect(await opened.stores.lessons.count()).toBe(36);
      opened.writes.clear();
      const second = await sync(opened, mirror);
      expect(second.totals).toMatchObject({ added: 0, changed: 0, unchanged: 8, writes: 0 });
      expect([...opened.writes.entries()]).toEqual([]);
      expect(second.revision).toBe(1);
      expect(await opened.stores.revision.read()).toBe(1);
    });

    it('writes only what changed, retires what vanished, and reports skips with their reason', async () => {
      const [kept, gone, offline] = await mirror.textbooks();
      const lessons = await mirror.lessonEntries(kept!.id);
      await mirror.renameLesson(kept!.id, lessons[0]!.id, '改过名的课');
      await mirror.removeLesson(kept!.id, lessons.at(-1)!.id);
      await mirror.updateTextbooks((entries) =>
        entries
          .filter((entry) => entry.id !== gone!.id)
          .map((entry) => (entry.id === offline!.id ? { ...entry, status: 'OFFLINE' } : entry))
          .concat([{ id: 'no-tags-textbook', title: '没有标签的教材', status: 'ONLINE', tag_list: [] }]),
      );
      await mirror.removeSection('family');
      opened.writes.clear();
      const report = await sync(opened, mirror);
      const entry = (id: string) => report.entries.filter((candidate) => candidate.id === id);
      expect(entry(`sm-${kept!.id}`)).toEqual([
        expect.objectContaining({ outcome: 'changed', lessons: { added: 0, changed: 1, retired: 1 } }),
      ]);
      expect(entry(`sm-${gone!.id}`)).toEqual([
        expect.objectContaining({ outcome: 'retired', lessons: expect.objectContaining({ retired: 6 }) }),
      ]);
      expect(entry(`sm-${offline!.id}`).map((found) => [found.outcome, found.reason])).toEqual([
        ['skipped', 'offline'],
        ['retired', undefined],
      ]);
      expect(entry('sm-no-tags-textbook')).toEqual([
        expect.objectContaining({ outcome: 'skipped', reason: 'invalid' }),
      ]);
      expect(entry('sm-family')).toEqual([expect.objectContaining({ kind: 'section', outcome: 'retired' })]);
      expect(report.totals).toMatchObject({ changed: 1, unchanged: 4, retired: 3, skipped: 2 });
      expect(report.revision).toBe(2);

      const renamed = await opened.stores.lessons.get(`sm-${lessons[0]!.id}`);
      expect(renamed).toMatchObject({ title: { zh: '改过名的课' }, status: 'active' });
      // Kept, not deleted: retired records stay in the store, hidden from devices.
      expect(await opened.stores.lessons.get(`sm-${lessons.at(-1)!.id}`)).toMatchObject({
        status: 'retired',
      });
      expect(await opened.stores.textbooks.get(`sm-${gone!.id}`)).toMatchObject({ status: 'retired' });
      expect(await opened.stores.sections.get('sm-family')).toMatchObject({ status: 'retired' });
      const goneLessons = await opened.stores.lessons.placedIn('textbook', `sm-${gone!.id}`);
      expect(goneLessons.map((lesson) => lesson.status)).toEqual(Array(6).fill('retired'));
      // Only the changed lesson, the retired records and the states were written: no unchanged lesson.
      // One write of the changed lesson, then one retirement per vanished lesson set: no unchanged lesson.
      expect(report.totals.lessons).toEqual({ added: 0, changed: 1, retired: 1 + 6 + 6 + 2 });
      expect(opened.writes.get('lessons')).toBe(5);

      opened.writes.clear();
      const again = await sync(opened, mirror);
      expect(again.totals.writes).toBe(0);
      expect(opened.writes.size).toBe(0);
      expect(again.revision).toBe(2);
    });

    it('retires nothing when the textbook list cannot be read, and refuses a mirror that lists nothing', async () => {
      const active = await opened.stores.lessons.count({ status: 'active' });
      const restore = await mirror.hideTextbookList();
      try {
        const partial = await sync(opened, mirror);
        expect(partial.totals.retired).toBe(0);
        expect(await opened.stores.lessons.count({ status: 'active' })).toBe(active);
        const empty = await mkdtemp(path.join(tmpdir(), 'ketang-empty-mirror-'));
        await expect(syncCatalogue(opened.stores, opened.revisions, empty)).rejects.toThrow(
          /lists no textbooks or sections .*nothing was retired/,
        );
        await rm(empty, { recursive: true });
        expect(await opened.stores.lessons.count({ status: 'active' })).toBe(active);
      } finally {
        await restore();
      }
    });
  });

  describe('an interrupted sync', () => {
    let mirror: TestMirror;

    beforeAll(async () => {
      mirror = await TestMirror.create({ textbooks: 8, lessonsPerTextbook: 5 });
    });

    afterAll(() => mirror?.remove());

    it('resumes after a SIGKILL of the sync process, ending where an uninterrupted sync ends', async () => {
      const storage = await backend.open();
      await killSyncAfter(storage, mirror.dir, 3);
      const resumed = await open(storage);
      const report = await sync(resumed, mirror);
      expect(report.totals.unchanged).toBeGreaterThanOrEqual(2);
      expect(report.totals.unchanged).toBeLessThan(report.entries.length);
      const reference = await open(await backend.open());
      await sync(reference, mirror);
      expect(await dumpCatalogue(resumed.backend)).toEqual(await dumpCatalogue(reference.backend));
      expect(await resumed.stores.revision.read()).toBeGreaterThanOrEqual(1);
      expect(await resumed.stores.syncState.isRevisionPending()).toBe(false);
      await Promise.all([resumed.backend.close(), reference.backend.close()]);
    }, 60_000);

    it('stops between batches on an abort signal, and the next sync finishes the job', async () => {
      const opened = await open(await backend.open());
      const controller = new AbortController();
      let seen = 0;
      const aborted = syncCatalogue(opened.stores, opened.revisions, mirror.dir, {
        signal: controller.signal,
        onProgress: () => (++seen === 4 ? controller.abort() : undefined),
      });
      await expect(aborted).rejects.toThrow();
      expect(await opened.stores.syncState.isRevisionPending()).toBe(true);
      const report = await sync(opened, mirror);
      expect(report.totals.unchanged).toBe(3);
      expect(report.revision).toBe(1);
      await opened.backend.close();
    });
  });
});

/** Runs `npm run catalog -- sync` as its own process and kills it with SIGKILL after `batches` batches. */
function killSyncAfter(storage: { mongodbUri?: string; dataDir: string }, dir: string, batches: number) {
  return new Promise<void>((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [
        '--import',
        'tsx',
        path.join(repoRoot, 'content-api/src/cli/catalog.cli.ts'),
        'sync',
        '--from',
        dir,
        '--workers',
        '0',
        '--progress',
        'lines',
      ],
      {
        cwd: repoRoot,
        env: {
          ...process.env,
          KETANG_DATA_DIR: storage.dataDir,
          MONGODB_URI: storage.mongodbUri,
          LOG_LEVEL: 'silent',
        },
        stdio: ['ignore', 'ignore', 'pipe'],
      },
    );
    child.stderr.setEncoding('utf8');
    let lines = 0;
    child.stderr.on('data', (chunk: string) => {
      lines += chunk.split('\n').filter((line) => /^progress [1-9]/.test(line)).length;
      if (lines >= batches) child.kill('SIGKILL');
    });
    child.on('exit', (code, signal) =>
      signal === 'SIGKILL'
        ? resolve()
        : reject(new Error(`the sync ended by itself (${code}) before it was killed`)),
    );
  });
}
