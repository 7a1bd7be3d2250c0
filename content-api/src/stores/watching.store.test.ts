import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openEmbeddedStore } from '../db/embedded-store.ts';
import type { DocumentStore } from '../db/document-store.ts';
import { createStores, ensureIndexes, type Stores } from './stores.ts';
import type { ProgressRecord } from './progress.store.ts';
import type { UsageRecord } from './usage.store.ts';

const progress = (watchedSeconds: number): ProgressRecord => ({
  householdId: 'h',
  profileId: 'p',
  lessonId: 'l',
  positionSeconds: 10,
  durationSeconds: 100,
  watchedSeconds,
  rewoundSeconds: 0,
  completed: false,
  updatedAt: '2026-12-06T01:00:00.000Z',
});
const usage = (usedSeconds: number): UsageRecord => ({
  householdId: 'h',
  profileId: 'p',
  date: '2026-12-06',
  usedSeconds,
  secondsSinceBreak: usedSeconds,
  breakEndsAt: null,
  extraSeconds: 0,
  lastWatchedAt: null,
});
const heartbeat = (id: string) => ({
  id,
  householdId: 'h',
  profileId: 'p',
  lessonId: 'l',
  watchedSeconds: 30,
  date: '2026-12-06',
  receivedAt: '2026-12-06T01:00:00.000Z',
});

/** Saves heartbeats whose change is `watched` seconds, plus 30 for each one counted now beyond the first. */
const saveWatched = (stores: Stores, ids: readonly string[], watched: number) =>
  stores.watching.save(ids.map(heartbeat), (fresh) => {
    const seconds = watched + 30 * Math.max(0, fresh.length - 1);
    return { progress: [progress(seconds)], usage: [usage(seconds)] };
  });

describe('WatchingStore with the progress and usage stores', () => {
  const dirs: string[] = [];
  let backend: DocumentStore | undefined;
  afterEach(async () => {
    await backend?.close();
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });
  async function open() {
    const dir = mkdtempSync(path.join(tmpdir(), 'ketang-watching-'));
    dirs.push(dir);
    backend = await openEmbeddedStore(dir);
    await ensureIndexes(backend);
    return createStores(backend);
  }

  it('stores progress, usage and heartbeat ids together, and answers them afterwards', async () => {
    const stores = await open();
    expect((await stores.progress.latest('p', ['l'])).size).toBe(0);
    expect(await stores.usage.get('p', '2026-12-06')).toBeUndefined();
    await saveWatched(stores, ['a'], 30);
    expect((await stores.progress.latest('p', ['l'])).get('l')).toEqual(progress(30));
    expect(await stores.usage.get('p', '2026-12-06')).toEqual(usage(30));
    expect(await stores.heartbeats.seen([{ profileId: 'p', id: 'a' }])).toEqual(new Set(['p|a']));
    // Durable in the store itself, as another opening of it reads them.
    expect(await stores.progress.forLessons('p', ['l'])).toEqual([progress(30)]);
    expect(await backend!.collection('usage').count({ profileId: 'p' })).toBe(1);
  });

  it('answers what the latest write stored, through either store', async () => {
    const stores = await open();
    await saveWatched(stores, ['a'], 30);
    await stores.usage.saveMany([{ ...usage(30), extraSeconds: 600 }]);
    await saveWatched(stores, ['b'], 60);
    expect((await stores.progress.latest('p', ['l'])).get('l')?.watchedSeconds).toBe(60);
    expect((await stores.usage.get('p', '2026-12-06'))?.usedSeconds).toBe(60);
  });

  it('forgets a deleted profile: its progress and usage are gone, not answered from memory', async () => {
    const stores = await open();
    await saveWatched(stores, ['a'], 30);
    await Promise.all([stores.progress.deleteProfile('p'), stores.usage.deleteProfile('p')]);
    expect((await stores.progress.latest('p', ['l'])).size).toBe(0);
    expect(await stores.usage.get('p', '2026-12-06')).toBeUndefined();
  });

  it('keeps nothing of a write that failed', async () => {
    const stores = await open();
    await saveWatched(stores, ['a'], 30);
    await backend!.close();
    await expect(saveWatched(stores, ['b'], 60)).rejects.toThrow();
    backend = undefined;
    const reopened = await openEmbeddedStore(dirs[0]!);
    backend = reopened;
    const again = createStores(reopened);
    expect((await again.progress.latest('p', ['l'])).get('l')?.watchedSeconds).toBe(30);
    // The first stores' memory holds neither the failed write's record nor the one it replaced.
    expect((await stores.progress.cache.getMany(['p|l'], async () => new Map())).size).toBe(0);
  });

  it('counts a resent heartbeat once: the change is computed again without it, and written', async () => {
    const stores = await open();
    expect((await saveWatched(stores, ['a'], 30)).map((one) => one.id)).toEqual(['a']);
    const counted = await saveWatched(stores, ['a', 'b', 'c'], 60);
    expect(counted.map((one) => one.id)).toEqual(['b', 'c']);
    // Two new heartbeats: 60 + 30, not the 120 of three.
    expect((await stores.progress.latest('p', ['l'])).get('l')?.watchedSeconds).toBe(90);
    expect((await stores.usage.get('p', '2026-12-06'))?.usedSeconds).toBe(90);
    expect(await stores.heartbeats.seen(['a', 'b', 'c', 'd'].map((id) => ({ profileId: 'p', id })))).toEqual(
      new Set(['p|a', 'p|b', 'p|c']),
    );
    // Read back from the store itself, not the caches.
    const again = createStores(backend!);
    expect((await again.progress.latest('p', ['l'])).get('l')?.watchedSeconds).toBe(90);
  });

  it('writes nothing for a batch of resent heartbeats only', async () => {
    const stores = await open();
    await saveWatched(stores, ['a', 'b'], 30);
    expect(await saveWatched(stores, ['b', 'a'], 500)).toEqual([]);
    expect((await stores.progress.latest('p', ['l'])).get('l')?.watchedSeconds).toBe(60);
    expect(await backend!.collection('heartbeats').count({})).toBe(2);
  });
});
