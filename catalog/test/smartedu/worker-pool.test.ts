import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { importSmartedu, streamSmarteduCatalogue } from '../../src/index.ts';
import type { SmarteduCatalogueParts } from '../../src/index.ts';
import { SAMPLE_IDS, writeSampleMirror } from '../helpers/sample-mirror.ts';

/** The worker reads this per task: a worker importing that textbook exits with code 70, like a crash. */
const EXIT_HOOK = 'KETANG_TEST_TEXTBOOK_WORKER_EXIT';
const crashing = SAMPLE_IDS.chineseGrade3;

let dir: string;
let inThread: SmarteduCatalogueParts;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'ketang-pool-'));
  await writeSampleMirror(dir, { onlyTextbooksWithLessons: true });
  inThread = await importSmartedu(dir, { includeSections: false });
});
afterEach(() => {
  delete process.env[EXIT_HOOK];
});
afterAll(() => rm(dir, { recursive: true, force: true }));

/** Imports through two worker threads and fails the test if the import does not end within `limitMs`. */
async function importInWorkers(limitMs: number): Promise<SmarteduCatalogueParts> {
  let timer: NodeJS.Timeout | undefined;
  const hung = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`the import did not end within ${limitMs} ms`)), limitMs);
  });
  try {
    return await Promise.race([importSmartedu(dir, { includeSections: false, workers: 2 }), hung]);
  } finally {
    clearTimeout(timer);
  }
}

describe('the textbook worker pool when a worker dies', () => {
  it('retries the textbook once on a fresh worker, which imports it', { timeout: 30_000 }, async () => {
    process.env[EXIT_HOOK] = `${crashing}@1`;
    const result = await importInWorkers(20_000);
    expect(result.catalogue).toEqual(inThread.catalogue);
    expect(result.report.totals).toEqual(inThread.report.totals);
  });

  it(
    'reports a textbook whose worker dies on both tries, and imports the rest',
    { timeout: 30_000 },
    async () => {
      process.env[EXIT_HOOK] = crashing;
      const result = await importInWorkers(20_000);

      const failed = result.report.entries.find((entry) => entry.sourceId === crashing);
      expect(failed).toMatchObject({ outcome: 'skipped', reason: 'invalid' });
      const errors = result.report.issues.filter((found) => found.severity === 'error');
      expect(errors).toHaveLength(1);
      expect(errors[0]?.reason).toMatch(
        new RegExp(`textbook ${crashing} \\(.+\\) was not imported: its import worker failed 2 times`),
      );
      expect(errors[0]?.reason).toContain('worker exited with code: 70');

      // Every other textbook is imported as in one thread: the replaced workers went on working.
      const others = inThread.catalogue.textbooks.filter((textbook) => !textbook.id.includes(crashing));
      expect(result.catalogue.textbooks).toEqual(others);
      expect(result.catalogue.textbooks.length).toBe(inThread.catalogue.textbooks.length - 1);
    },
  );

  it(
    'ends promptly when the sync stops part-way (the pool closes with textbooks in flight)',
    { timeout: 30_000 },
    async () => {
      const started = performance.now();
      let textbooks = 0;
      for await (const batch of streamSmarteduCatalogue(dir, { includeSections: false, workers: 2 })) {
        if (batch.kind === 'textbook') textbooks++;
        if (textbooks === 1) break; // the generator's finally closes the pool while others are in flight
      }
      expect(textbooks).toBe(1);
      expect(performance.now() - started).toBeLessThan(20_000);
    },
  );
});
