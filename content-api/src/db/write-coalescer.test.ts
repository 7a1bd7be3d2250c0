import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { countWrites } from '../../test/support/counting-store.ts';
import { openEmbeddedStore } from './embedded-store.ts';
import type { CollectionUpsert, DocumentStore } from './document-store.ts';
import { WriteCoalescer } from './write-coalescer.ts';

type Doc = { _id: string; value: number };
const doc = (_id: string, value: number): Doc => ({ _id, value });

describe('WriteCoalescer over the embedded store', () => {
  const dirs: string[] = [];
  let store: DocumentStore | undefined;
  afterEach(async () => {
    await store?.close();
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });

  async function open() {
    const dir = mkdtempSync(path.join(tmpdir(), 'ketang-coalescer-'));
    dirs.push(dir);
    const counted = countWrites(await openEmbeddedStore(dir));
    store = counted.store;
    return counted;
  }

  it('writes upserts arriving together, in every collection, as one write, and resolves after it', async () => {
    const { store: counted, writes } = await open();
    const coalescer = new WriteCoalescer(counted, 5);
    const a = coalescer.collection<Doc>('a');
    const b = coalescer.collection<Doc>('b');
    const done = await Promise.all([
      a.upsertMany([{ _id: 'x', value: 1 }]),
      a.upsertMany([{ _id: 'y', value: 2 }]),
      b.upsertMany([{ _id: 'z', value: 3 }]),
      a.upsertMany([{ _id: 'x', value: 4 }]),
      coalescer.write([
        { collection: 'b', docs: [doc('w', 5)] },
        { collection: 'c', docs: [doc('v', 6)] },
      ]),
    ]);
    expect(done).toHaveLength(5);
    expect(Object.fromEntries(writes)).toEqual({ a: 1, b: 1, c: 1 });
    // Written when resolved, the last document of each id winning within the batch.
    expect(await a.find({}, { sort: { _id: 1 } })).toEqual([
      { _id: 'x', value: 4 },
      { _id: 'y', value: 2 },
    ]);
    expect(await b.find({}, { sort: { _id: 1 } })).toEqual([
      { _id: 'w', value: 5 },
      { _id: 'z', value: 3 },
    ]);
    expect(await counted.collection<Doc>('c').count({})).toBe(1);
  });

  it('writes the collections in the order they first appear in the batch', async () => {
    const { store: counted } = await open();
    const order: string[] = [];
    const recording = {
      collection: counted.collection.bind(counted),
      writeClaimed: counted.writeClaimed.bind(counted),
      upsertTogether: async (upserts: readonly CollectionUpsert[]) => {
        order.push(...upserts.map((upsert) => upsert.collection));
        await counted.upsertTogether(upserts);
      },
    };
    const coalescer = new WriteCoalescer(recording, 5);
    await Promise.all([
      coalescer.write([{ collection: 'usage', docs: [doc('u', 1)] }]),
      coalescer.write([
        { collection: 'progress', docs: [doc('p', 1)] },
        { collection: 'usage', docs: [doc('u2', 1)] },
        { collection: 'heartbeats', docs: [doc('h', 1)] },
      ]),
    ]);
    expect(order).toEqual(['usage', 'progress', 'heartbeats']);
  });

  it('starts a new batch for upserts after a flush, and passes reads through', async () => {
    const { store: counted, writes } = await open();
    const coalescer = new WriteCoalescer(counted, 1);
    const a = coalescer.collection<Doc>('a');
    await a.upsertMany([{ _id: 'x', value: 1 }]);
    await a.upsertMany([{ _id: 'x', value: 2 }]);
    expect(writes.get('a')).toBe(2);
    expect(await a.count({})).toBe(1);
  });

  it('rejects every caller of a failed batch, and writes none of it', async () => {
    const { store: counted } = await open();
    const failing = {
      collection: counted.collection.bind(counted),
      writeClaimed: counted.writeClaimed.bind(counted),
      upsertTogether: () => Promise.reject(new Error('disk full')),
    };
    const coalescer = new WriteCoalescer(failing, 1);
    const a = coalescer.collection<Doc>('a');
    const results = await Promise.allSettled([
      a.upsertMany([{ _id: 'x', value: 1 }]),
      coalescer.write([{ collection: 'b', docs: [doc('y', 1)] }]),
    ]);
    expect(results.map((result) => result.status)).toEqual(['rejected', 'rejected']);
    expect(await a.count({})).toBe(0);
  });

  it('writes one batch at a time: what arrives during a write is the next batch, written right after', async () => {
    const { store: counted } = await open();
    const batches: string[][] = [];
    let release!: () => void;
    const gated = {
      collection: counted.collection.bind(counted),
      writeClaimed: counted.writeClaimed.bind(counted),
      upsertTogether: async (upserts: readonly CollectionUpsert[]) => {
        batches.push(upserts.flatMap((upsert) => upsert.docs.map((one) => one._id)));
        if (batches.length === 1) await new Promise<void>((resolve) => (release = resolve));
        await counted.upsertTogether(upserts);
      },
    };
    const coalescer = new WriteCoalescer(gated, 1);
    const first = coalescer.write([{ collection: 'a', docs: [doc('x', 1)] }]);
    await new Promise((resolve) => setTimeout(resolve, 20));
    const later = [
      coalescer.write([{ collection: 'a', docs: [doc('y', 1)] }]),
      coalescer.write([{ collection: 'a', docs: [doc('z', 1)] }]),
    ];
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(batches).toEqual([['x']]);
    release();
    await Promise.all([first, ...later]);
    expect(batches).toEqual([['x'], ['y', 'z']]);
  });

  it('writes claimed writes in the batch, each all or nothing, answering which claimed ids existed', async () => {
    const { store: counted, writes } = await open();
    const coalescer = new WriteCoalescer(counted, 5);
    await counted.upsertTogether([{ collection: 'ids', docs: [doc('taken', 0)] }]);
    const claimed = (id: string, value: number) =>
      coalescer.writeClaimed({
        claim: { collection: 'ids', docs: [doc(id, value)] },
        upserts: [{ collection: 'totals', docs: [doc(`t-${id}`, value)] }],
      });
    writes.clear();
    const [fresh, taken] = await Promise.all([
      claimed('new', 1),
      claimed('taken', 2),
      coalescer.write([{ collection: 'plain', docs: [doc('p', 3)] }]),
    ]);
    expect(fresh).toEqual({ existing: [], isWritten: true });
    expect(taken).toEqual({ existing: ['taken'], isWritten: false });
    // Both claimed writes and the plain upsert reached the store (counted per write of a collection); the taken
    // claim's upsert rolled back with it, the claimed id unchanged.
    expect(Object.fromEntries(writes)).toEqual({ ids: 2, totals: 2, plain: 1 });
    expect(await counted.collection<Doc>('totals').find({})).toEqual([doc('t-new', 1)]);
    expect(await counted.collection<Doc>('ids').find({}, { sort: { _id: 1 } })).toEqual([
      doc('new', 1),
      doc('taken', 0),
    ]);
    expect(await counted.collection<Doc>('plain').count({})).toBe(1);
  });
});
