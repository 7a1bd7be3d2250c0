import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Filter, FindOptions, StoredDocument } from '../../src/db/document-store.ts';
import { openEmbeddedStore } from '../../src/db/embedded-store.ts';
import type { SqliteStore } from '../../src/db/sqlite/sqlite-store.ts';
import { ensureIndexes } from '../../src/stores/stores.ts';

/**
 * The reads of a child's home, as the stores and the channel service make them, against the indexes the
 * embedded store declares at start (`ensureIndexes`): each must be answered from an index, without a scan of
 * the collection and without sorting every row it reads. The filters are those of `ProgressStore.ofProfile`
 * and `ChannelService` (on air now, next, catch-up of the last 7 days).
 */
describe('the child’s home reads on the embedded store', () => {
  let dir: string;
  let store: SqliteStore;
  const NOW = '2026-10-14T02:10:00.000Z';
  const WEEK_AGO = '2026-10-07T02:10:00.000Z';

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'ketang-plans-'));
    store = await openEmbeddedStore(dir);
    await ensureIndexes(store);
  });
  afterAll(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const plan = (collection: string, filter: Record<string, unknown>, options: FindOptions) =>
    store
      .collection<StoredDocument>(collection)
      .explain(filter as Filter<StoredDocument>, options)
      .join(' | ');
  // A sort may still order rows of equal keys by rowid (the store's tie-break: "TEMP B-TREE FOR LAST TERM"),
  // which keeps a limit's early stop; sorting every matching row ("TEMP B-TREE FOR ORDER BY") would not.
  const expectIndexed = (detail: string, index: string) => {
    expect(detail).toContain(`USING INDEX ${index}`);
    expect(detail).not.toMatch(/TEMP B-TREE FOR ORDER BY|SCAN slots|SCAN progress/);
  };

  it('reads a profile’s progress, most recent first, from the (profileId, updatedAt) index', () => {
    expectIndexed(
      plan('progress', { profileId: 'p1' }, { sort: { updatedAt: -1 } }),
      'progress$profileId_1$updatedAt_-1',
    );
  });

  it('finds the slot on air, the next one and the last week’s from the (channelId, start) index', () => {
    const index = 'slots$channelId_1$start_1';
    expectIndexed(
      plan('slots', { channelId: 'ch', start: { $lte: NOW } }, { sort: { start: -1 }, limit: 1 }),
      index,
    );
    expectIndexed(
      plan('slots', { channelId: 'ch', start: { $gt: NOW } }, { sort: { start: 1 }, limit: 1 }),
      index,
    );
    expectIndexed(
      plan(
        'slots',
        { channelId: 'ch', start: { $gte: WEEK_AGO, $lt: NOW }, end: { $lte: NOW } },
        { sort: { start: -1 } },
      ),
      index,
    );
  });
});
