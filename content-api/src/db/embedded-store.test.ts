import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { DocumentStore } from './document-store.ts';
import { nedbIndexesFor, openEmbeddedStore } from './embedded-store.ts';

type Progress = { _id: string; profileId: string; updatedAt: string };

describe('embedded store indexes', () => {
  const dirs: string[] = [];
  let store: DocumentStore | undefined;
  afterEach(async () => {
    await store?.close();
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });

  it('serves a compound index from its leading field, keeping the compound one only when unique', () => {
    expect(nedbIndexesFor({ profileId: 1 })).toEqual([{ fieldName: 'profileId', unique: false }]);
    expect(nedbIndexesFor({ profileId: 1, updatedAt: -1 })).toEqual([
      { fieldName: 'profileId', unique: false },
    ]);
    expect(nedbIndexesFor({ a: 1, b: 1 }, { unique: true })).toEqual([
      { fieldName: 'a', unique: false },
      { fieldName: ['a', 'b'], unique: true },
    ]);
  });

  it('indexes the leading field of a compound index, and answers a query on it sorted by the other', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'ketang-embedded-index-'));
    dirs.push(dir);
    store = await openEmbeddedStore(dir);
    const progress = store.collection<Progress>('progress');
    await progress.createIndex({ profileId: 1, updatedAt: -1 });
    await progress.upsertMany([
      { _id: 'p1|a', profileId: 'p1', updatedAt: '2026-12-01T10:00:00Z' },
      { _id: 'p2|a', profileId: 'p2', updatedAt: '2026-12-02T10:00:00Z' },
      { _id: 'p1|b', profileId: 'p1', updatedAt: '2026-12-03T10:00:00Z' },
    ]);
    const found = await progress.find({ profileId: 'p1' }, { sort: { updatedAt: -1 } });
    expect(found.map((doc) => doc._id)).toEqual(['p1|b', 'p1|a']);
    // nedb records each index it keeps in the collection's file.
    const file = readFileSync(path.join(dir, 'progress.db'), 'utf8');
    expect(file).toContain('"$$indexCreated":{"fieldName":"profileId"');
  });

  it('replaces many documents in one upsertMany, in memory and in the file before it resolves', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'ketang-embedded-replace-'));
    dirs.push(dir);
    store = await openEmbeddedStore(dir);
    const progress = store.collection<Progress>('progress');
    await progress.createIndex({ profileId: 1, updatedAt: -1 });
    const at = (day: number) => `2026-12-0${day}T10:00:00Z`;
    await progress.upsertMany([
      { _id: 'p1|a', profileId: 'p1', updatedAt: at(1) },
      { _id: 'p1|b', profileId: 'p1', updatedAt: at(1) },
    ]);
    await progress.upsertMany([
      { _id: 'p1|a', profileId: 'p2', updatedAt: at(2) },
      { _id: 'p1|b', profileId: 'p1', updatedAt: at(3) },
      { _id: 'p1|b', profileId: 'p1', updatedAt: at(4) },
      { _id: 'p1|c', profileId: 'p1', updatedAt: at(5) },
    ]);
    expect(await progress.find({ profileId: 'p1' }, { sort: { updatedAt: -1 } })).toEqual([
      { _id: 'p1|c', profileId: 'p1', updatedAt: at(5) },
      { _id: 'p1|b', profileId: 'p1', updatedAt: at(4) },
    ]);
    expect(await progress.find({ profileId: 'p2' })).toEqual([
      { _id: 'p1|a', profileId: 'p2', updatedAt: at(2) },
    ]);
    // The file's last line for each _id is what a restart reads.
    const lines = readFileSync(path.join(dir, 'progress.db'), 'utf8')
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    const last = new Map(lines.filter((line) => line._id).map((line) => [line._id, line.updatedAt]));
    expect(Object.fromEntries(last)).toEqual({ 'p1|a': at(2), 'p1|b': at(4), 'p1|c': at(5) });
  });
});
