import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DocumentStore } from '../../src/db/document-store.ts';
import { openStore } from '../../src/db/open-store.ts';
import { RevisionTracker } from '../../src/services/revision-tracker.ts';
import { syncCatalogue } from '../../src/services/sync/catalogue-sync.ts';
import type { SyncReport } from '../../src/services/sync/sync-report.ts';
import { createStores, ensureIndexes, type Stores } from '../../src/stores/stores.ts';
import { embeddedBackend } from '../support/backends.ts';
import { TestMirror } from '../support/mirror.ts';

/** Read by the importer's worker per task: a worker importing that textbook exits, as a crashed one would. */
const EXIT_HOOK = 'KETANG_TEST_TEXTBOOK_WORKER_EXIT';
const logger = pino({ level: 'silent' });

let mirror: TestMirror;
let backend: DocumentStore;
let stores: Stores;
let revisions: RevisionTracker;

beforeAll(async () => {
  mirror = await TestMirror.create({ textbooks: 4, lessonsPerTextbook: 3, sections: 0 });
  backend = await openStore(await embeddedBackend.open());
  await ensureIndexes(backend);
  stores = createStores(backend);
  revisions = new RevisionTracker(stores.revision, logger);
}, 60_000);
afterAll(async () => {
  delete process.env[EXIT_HOOK];
  await backend?.close();
  await mirror?.remove();
  await embeddedBackend.shutdown();
});

/** A sync through two worker threads that must end within `limitMs`, or the test fails instead of hanging. */
async function syncWithin(limitMs: number): Promise<SyncReport> {
  let timer: NodeJS.Timeout | undefined;
  const hung = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`the sync did not end within ${limitMs} ms`)), limitMs);
  });
  try {
    return await Promise.race([syncCatalogue(stores, revisions, mirror.dir, { workers: 2 }), hung]);
  } finally {
    clearTimeout(timer);
  }
}

describe('a catalogue sync whose import worker dies', () => {
  it(
    'finishes, reports the textbook whose worker died twice, and stores the others',
    { timeout: 60_000 },
    async () => {
      const [crashing] = await mirror.textbooks();
      process.env[EXIT_HOOK] = crashing!.id;

      const report = await syncWithin(30_000);

      expect(report.totals).toMatchObject({ added: 3, skipped: 1, errors: 1 });
      expect(report.issues.find((found) => found.severity === 'error')?.reason).toContain(
        `textbook ${crashing!.id} (${crashing!.title}) was not imported: its import worker failed 2 times`,
      );
      const stored = await stores.textbooks.list();
      expect(stored).toHaveLength(3);
      expect(stored.some((textbook) => textbook.provenance.sourceId === crashing!.id)).toBe(false);
    },
  );

  it(
    'imports that textbook on the next sync once its worker no longer dies',
    { timeout: 60_000 },
    async () => {
      delete process.env[EXIT_HOOK];
      const report = await syncWithin(30_000);
      expect(report.totals).toMatchObject({ added: 1, errors: 0 });
      expect(await stores.textbooks.list()).toHaveLength(4);
    },
  );
});
