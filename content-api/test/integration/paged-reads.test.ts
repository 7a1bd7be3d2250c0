// The dashboards rollup's large reads (a day's heartbeats and completions, ~25,000 records at 10k households)
// go in keyset pages with a turn of the event loop between them, on both backends: nothing is lost or read
// twice at a page boundary, ties included, and on the embedded store each page is a range of an index.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DocumentStore, Filter, StoredDocument } from '../../src/db/document-store.ts';
import { PAGE, findInPages } from '../../src/db/find-in-pages.ts';
import type { SqliteStore } from '../../src/db/sqlite/sqlite-store.ts';
import { HEARTBEAT_COLLECTION, type HeartbeatRecord } from '../../src/stores/heartbeat.store.ts';
import { PROGRESS_COLLECTION, type ProgressRecord } from '../../src/stores/progress.store.ts';
import type { Stores } from '../../src/stores/stores.ts';
import { openBackendStores } from '../support/backend-stores.ts';
import { embeddedBackend, mongoBackend, type Backend } from '../support/backends.ts';

const backends: Backend[] = [embeddedBackend, mongoBackend()];
const DATE = '2026-12-05';
/** A few instants only: most pages start and end inside a run of equal `completedAt` values. */
const INSTANTS = ['2026-12-04T16:00:00.000Z', '2026-12-05T02:00:00.000Z', '2026-12-05T09:30:00.000Z'];
const COUNT = PAGE * 2 + 150;

const completion = (index: number): ProgressRecord => ({
  householdId: `hh-${index % 97}`,
  profileId: `p-${String(index).padStart(5, '0')}`,
  lessonId: `l-${index % 13}`,
  positionSeconds: 600,
  durationSeconds: 600,
  watchedSeconds: 600,
  rewoundSeconds: 0,
  completed: true,
  completedAt: INSTANTS[index % INSTANTS.length]!,
  updatedAt: INSTANTS[index % INSTANTS.length]!,
});
const heartbeat = (index: number, date = DATE): HeartbeatRecord => ({
  id: `b-${index}`,
  householdId: `hh-${index % 97}`,
  profileId: `p-${index % 500}`,
  lessonId: `l-${index % 13}`,
  watchedSeconds: 30,
  date,
  receivedAt: `${date}T03:00:00.000Z`,
});

describe.each(backends)('paged reads of a day on the $name store', (backend) => {
  let store: DocumentStore;
  let stores: Stores;

  beforeAll(async () => {
    ({ store, stores } = await openBackendStores(backend));
    await stores.progress.saveMany(Array.from({ length: COUNT }, (_, index) => completion(index)));
    // A resting profile's progress, never completed: not in any range.
    await stores.progress.saveMany([{ ...completion(COUNT), completed: false, completedAt: undefined }]);
    await stores.heartbeats.saveMany(Array.from({ length: COUNT }, (_, index) => heartbeat(index)));
    const otherDates = [heartbeat(0, '2026-12-04'), heartbeat(1, '2026-12-06')];
    await stores.heartbeats.saveMany(otherDates.map((record) => ({ ...record, id: `${record.date}-b` })));
  }, 240_000);

  afterAll(async () => {
    await store?.close();
    await backend.shutdown();
  });

  it('reads every completion in a range once, across pages that split runs of equal instants', async () => {
    const all = await stores.progress.completedBetween(INSTANTS[0]!, '2026-12-06T00:00:00.000Z');
    expect(all).toHaveLength(COUNT);
    expect(new Set(all.map((record) => record.profileId)).size).toBe(COUNT);
    const later = await stores.progress.completedBetween(INSTANTS[1]!, INSTANTS[2]!);
    expect(later).toHaveLength(all.filter((record) => record.completedAt === INSTANTS[1]).length);
  });

  it("reads every heartbeat of a date once, and none of another date's", async () => {
    const day = await stores.heartbeats.ofDate(DATE);
    expect(day).toHaveLength(COUNT);
    expect(new Set(day.map((record) => `${record.profileId}|${record.id}`)).size).toBe(COUNT);
    expect(day.every((record) => record.date === DATE)).toBe(true);
  });

  it('pages by (field, _id) and by _id alike with a page of 3, ties and all', async () => {
    const collection = store.collection<StoredDocument & { at: number; day: string }>('paging_probe');
    const docs = Array.from({ length: 20 }, (_, index) => ({
      _id: `d${String(19 - index).padStart(2, '0')}`, // _id order is not `at` order
      at: Math.floor(index / 4), // runs of 4 equal values, each split by a page of 3
      day: index % 2 ? 'odd' : 'even',
    }));
    await collection.upsertMany(docs);
    const ranged = await findInPages(collection, { at: { $gte: 1, $lt: 4 } }, { orderBy: 'at', pageSize: 3 });
    const expected = docs
      .filter((doc) => doc.at >= 1 && doc.at < 4)
      .sort((a, b) => a.at - b.at || a._id.localeCompare(b._id));
    expect(ranged.map((doc) => doc._id)).toEqual(expected.map((doc) => doc._id));
    const even = await findInPages(collection, { day: 'even' }, { pageSize: 3 });
    expect(even.map((doc) => doc._id)).toEqual(
      docs
        .filter((doc) => doc.day === 'even')
        .map((doc) => doc._id)
        .sort(),
    );
  });

  it('gives the event loop a turn between pages', async () => {
    let turns = 0;
    const ticker = setInterval(() => turns++, 0);
    const read = stores.heartbeats.ofDate(DATE);
    let ticksDuringRead = -1;
    await read.then(() => (ticksDuringRead = turns));
    clearInterval(ticker);
    // Three pages: timers ran between them, not only after the whole read.
    expect(ticksDuringRead).toBeGreaterThan(0);
  });

  it.runIf(backend.name === 'embedded')(
    'reads each page from an index range, without sorting the rest',
    () => {
      const sqlite = store as SqliteStore;
      const plan = (collection: string, filter: Record<string, unknown>, sort: Record<string, 1>) =>
        sqlite
          .collection<StoredDocument>(collection)
          .explain(filter as Filter<StoredDocument>, { sort, limit: PAGE })
          .join(' | ');
      const heartbeats = plan(HEARTBEAT_COLLECTION, { date: DATE, _id: { $gt: 'p-1|b-1' } }, { _id: 1 });
      expect(heartbeats).toContain('USING INDEX heartbeats$date_1$_id_1');
      expect(heartbeats).not.toMatch(/TEMP B-TREE|SCAN heartbeats/);
      const range = { completedAt: { $gte: INSTANTS[0], $lt: INSTANTS[2] } };
      const after = {
        $and: [
          range,
          { completedAt: { $gte: INSTANTS[1] } },
          { $or: [{ completedAt: { $gt: INSTANTS[1] } }, { _id: { $gt: 'p-00001|l-1' } }] },
        ],
      };
      for (const filter of [range, after]) {
        const progress = plan(PROGRESS_COLLECTION, filter, { completedAt: 1, _id: 1 });
        expect(progress).toContain('USING INDEX progress$completedAt_1$_id_1');
        expect(progress).not.toMatch(/TEMP B-TREE|SCAN progress/);
      }
    },
  );
});
