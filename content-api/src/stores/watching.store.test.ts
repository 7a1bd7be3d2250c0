import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openEmbeddedStore } from '../db/embedded-store.ts';
import type { DocumentStore } from '../db/document-store.ts';
import { createStores, ensureIndexes } from './stores.ts';
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
    await stores.watching.save({
      progress: [progress(30)],
      usage: [usage(30)],
      heartbeats: [heartbeat('a')],
    });
    expect((await stores.progress.latest('p', ['l'])).get('l')).toEqual(progress(30));
    expect(await stores.usage.get('p', '2026-12-06')).toEqual(usage(30));
    expect(await stores.heartbeats.seen([{ profileId: 'p', id: 'a' }])).toEqual(new Set(['p|a']));
    // Durable in the store itself, as another opening of it reads them.
    expect(await stores.progress.forLessons('p', ['l'])).toEqual([progress(30)]);
    expect(await backend!.collection('usage').count({ profileId: 'p' })).toBe(1);
  });

  it('answers what the latest write stored, through either store', async () => {
    const stores = await open();
    await stores.watching.save({
      progress: [progress(30)],
      usage: [usage(30)],
      heartbeats: [heartbeat('a')],
    });
    await stores.usage.saveMany([{ ...usage(30), extraSeconds: 600 }]);
    await stores.watching.save({
      progress: [progress(60)],
      usage: [usage(60)],
      heartbeats: [heartbeat('b')],
    });
    expect((await stores.progress.latest('p', ['l'])).get('l')?.watchedSeconds).toBe(60);
    expect((await stores.usage.get('p', '2026-12-06'))?.usedSeconds).toBe(60);
  });

  it('forgets a deleted profile: its progress and usage are gone, not answered from memory', async () => {
    const stores = await open();
    await stores.watching.save({
      progress: [progress(30)],
      usage: [usage(30)],
      heartbeats: [heartbeat('a')],
    });
    await Promise.all([stores.progress.deleteProfile('p'), stores.usage.deleteProfile('p')]);
    expect((await stores.progress.latest('p', ['l'])).size).toBe(0);
    expect(await stores.usage.get('p', '2026-12-06')).toBeUndefined();
  });

  it('keeps nothing of a write that failed', async () => {
    const stores = await open();
    await stores.watching.save({
      progress: [progress(30)],
      usage: [usage(30)],
      heartbeats: [heartbeat('a')],
    });
    await backend!.close();
    await expect(
      stores.watching.save({ progress: [progress(60)], usage: [usage(60)], heartbeats: [heartbeat('b')] }),
    ).rejects.toThrow();
    backend = undefined;
    const reopened = await openEmbeddedStore(dirs[0]!);
    backend = reopened;
    const again = createStores(reopened);
    expect((await again.progress.latest('p', ['l'])).get('l')?.watchedSeconds).toBe(30);
    // The first stores' memory holds neither the failed write's record nor the one it replaced.
    expect((await stores.progress.cache.getMany(['p|l'], async () => new Map())).size).toBe(0);
  });
});
