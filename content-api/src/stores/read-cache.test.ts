import { describe, expect, it } from 'vitest';
import { ReadCache } from './read-cache.ts';

type Rec = { id: string; value: number; nested: { list: number[] } };
const rec = (value: number): Rec => ({ id: 'a', value, nested: { list: [value] } });

/** A store of one record per key, counting its reads. */
function backing() {
  const rows = new Map<string, Rec>();
  let reads = 0;
  return {
    rows,
    reads: () => reads,
    load: (key: string) => async () => {
      reads += 1;
      const row = rows.get(key);
      return row ? structuredClone(row) : undefined;
    },
  };
}

describe('ReadCache', () => {
  it('reads the store once, then answers from memory a frozen record', async () => {
    const store = backing();
    store.rows.set('a', rec(1));
    const cache = new ReadCache<Rec>({ max: 10, ttlMs: 60_000 });
    const first = await cache.get('a', store.load('a'));
    const second = await cache.get('a', store.load('a'));
    expect(second).toEqual(rec(1));
    expect(second).toBe(first);
    expect(store.reads()).toBe(1);
    expect(() => {
      (second as Rec).nested.list.push(2);
    }).toThrow(TypeError);
  });

  it('does not keep a record that was not found', async () => {
    const store = backing();
    const cache = new ReadCache<Rec>({ max: 10, ttlMs: 60_000 });
    expect(await cache.get('a', store.load('a'))).toBeUndefined();
    store.rows.set('a', rec(1));
    expect(await cache.get('a', store.load('a'))).toEqual(rec(1));
    expect(store.reads()).toBe(2);
  });

  it('answers the written record after a write, and nothing after a delete', async () => {
    const store = backing();
    store.rows.set('a', rec(1));
    const cache = new ReadCache<Rec>({ max: 10, ttlMs: 60_000 });
    await cache.get('a', store.load('a'));
    const changed = rec(2);
    await cache.write('a', async () => void store.rows.set('a', rec(2)), changed);
    changed.value = 99; // the caller's object is not the cached one
    expect(await cache.get('a', store.load('a'))).toEqual(rec(2));
    await cache.write('a', async () => void store.rows.delete('a'), undefined);
    expect(await cache.get('a', store.load('a'))).toBeUndefined();
    expect(store.reads()).toBe(2);
  });

  it('does not keep a read that overlapped a write: it may hold the older record', async () => {
    const store = backing();
    store.rows.set('a', rec(1));
    const cache = new ReadCache<Rec>({ max: 10, ttlMs: 60_000 });
    let finishRead!: () => void;
    const slowRead = cache.get('a', async () => {
      const before = structuredClone(store.rows.get('a'));
      await new Promise<void>((resolve) => (finishRead = resolve));
      return before;
    });
    await cache.write('a', async () => void store.rows.set('a', rec(2)), rec(2));
    finishRead();
    expect(await slowRead).toEqual(rec(1));
    expect(await cache.get('a', store.load('a'))).toEqual(rec(2));
  });

  it('keeps no entry when the write fails, and rethrows its error', async () => {
    const store = backing();
    store.rows.set('a', rec(1));
    const cache = new ReadCache<Rec>({ max: 10, ttlMs: 60_000 });
    await cache.get('a', store.load('a'));
    await expect(cache.write('a', () => Promise.reject(new Error('disk full')), rec(2))).rejects.toThrow(
      'disk full',
    );
    expect(await cache.get('a', store.load('a'))).toEqual(rec(1));
    expect(store.reads()).toBe(2);
  });

  it('reads the store again once the entry has expired', async () => {
    const store = backing();
    store.rows.set('a', rec(1));
    const cache = new ReadCache<Rec>({ max: 10, ttlMs: 20 });
    await cache.get('a', store.load('a'));
    store.rows.set('a', rec(3)); // written by another process
    await new Promise((resolve) => setTimeout(resolve, 40));
    expect(await cache.get('a', store.load('a'))).toEqual(rec(3));
  });

  it('drops every entry a change matches, and keeps no read that overlapped it', async () => {
    const store = backing();
    store.rows.set('a', rec(1));
    store.rows.set('b', rec(2));
    const cache = new ReadCache<Rec>({ max: 10, ttlMs: 60_000 });
    await cache.get('a', store.load('a'));
    await cache.get('b', store.load('b'));
    let finishRead!: () => void;
    store.rows.set('c', rec(3));
    const slowRead = cache.get('c', async () => {
      await new Promise<void>((resolve) => (finishRead = resolve));
      return rec(3);
    });
    await cache.change(
      (_key, record) => record.value === 1,
      async () => void store.rows.set('a', rec(5)),
    );
    finishRead();
    await slowRead;
    expect(await cache.get('a', store.load('a'))).toEqual(rec(5));
    expect(await cache.get('b', store.load('b'))).toEqual(rec(2));
    expect(await cache.get('c', store.load('c'))).toEqual(rec(3));
    expect(store.reads()).toBe(4); // a, b, a again, c again: b was kept, the read of c that overlapped was not
  });

  it('answers many keys from memory and the rest from one load, keeping what it found', async () => {
    const store = backing();
    store.rows.set('a', rec(1));
    store.rows.set('b', rec(2));
    const cache = new ReadCache<Rec>({ max: 10, ttlMs: 60_000 });
    await cache.get('a', store.load('a'));
    const asked: (readonly string[])[] = [];
    const loadMissing = async (keys: readonly string[]) => {
      asked.push(keys);
      const found = new Map<string, Rec>();
      for (const key of keys) if (store.rows.has(key)) found.set(key, structuredClone(store.rows.get(key)!));
      return found;
    };
    const first = await cache.getMany(['a', 'b', 'c'], loadMissing);
    expect([...first.keys()].sort()).toEqual(['a', 'b']);
    expect(asked).toEqual([['b', 'c']]);
    await cache.getMany(['a', 'b', 'c'], loadMissing);
    expect(asked).toEqual([['b', 'c'], ['c']]);
  });

  it('writes many keys at once, each then answered from memory', async () => {
    const store = backing();
    const cache = new ReadCache<Rec>({ max: 10, ttlMs: 60_000 });
    await cache.writeMany(
      [
        ['a', rec(1)],
        ['b', rec(2)],
      ],
      async () => {
        store.rows.set('a', rec(1));
        store.rows.set('b', rec(2));
      },
    );
    const found = await cache.getMany(['a', 'b'], async () => new Map());
    expect(found.get('b')).toEqual(rec(2));
    expect(store.reads()).toBe(0);
  });
});
