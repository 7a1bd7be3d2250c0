import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { countWrites } from '../../test/support/counting-store.ts';
import { openEmbeddedStore } from './embedded-store.ts';
import type { DocumentStore } from './document-store.ts';
import { WriteCoalescer } from './write-coalescer.ts';

type Doc = { _id: string; value: number };

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

  it('writes upserts arriving together in one upsertMany per collection, and resolves after the write', async () => {
    const { store: counted, writes } = await open();
    const coalescer = new WriteCoalescer(5);
    const a = coalescer.wrap(counted.collection<Doc>('a'));
    const b = coalescer.wrap(counted.collection<Doc>('b'));
    const done = await Promise.all([
      a.upsertMany([{ _id: 'x', value: 1 }]),
      a.upsertMany([{ _id: 'y', value: 2 }]),
      b.upsertMany([{ _id: 'z', value: 3 }]),
      a.upsertMany([{ _id: 'x', value: 4 }]),
    ]);
    expect(done).toHaveLength(4);
    expect(writes.get('a')).toBe(1);
    expect(writes.get('b')).toBe(1);
    // Written when resolved, the last document of each id winning within the batch.
    expect(await a.find({}, { sort: { _id: 1 } })).toEqual([
      { _id: 'x', value: 4 },
      { _id: 'y', value: 2 },
    ]);
    expect(await b.findOne({ _id: 'z' })).toEqual({ _id: 'z', value: 3 });
  });

  it('starts a new batch for upserts after a flush, and passes reads through', async () => {
    const { store: counted, writes } = await open();
    const coalescer = new WriteCoalescer(1);
    const a = coalescer.wrap(counted.collection<Doc>('a'));
    await a.upsertMany([{ _id: 'x', value: 1 }]);
    await a.upsertMany([{ _id: 'x', value: 2 }]);
    expect(writes.get('a')).toBe(2);
    expect(await a.count({})).toBe(1);
  });

  it('rejects every caller of a failed batch', async () => {
    const { store: counted } = await open();
    const coalescer = new WriteCoalescer(1);
    const inner = counted.collection<Doc>('a');
    const failing = { ...inner, upsertMany: () => Promise.reject(new Error('disk full')) };
    const a = coalescer.wrap(failing);
    const results = await Promise.allSettled([
      a.upsertMany([{ _id: 'x', value: 1 }]),
      a.upsertMany([{ _id: 'y', value: 1 }]),
    ]);
    expect(results.map((result) => result.status)).toEqual(['rejected', 'rejected']);
  });
});
