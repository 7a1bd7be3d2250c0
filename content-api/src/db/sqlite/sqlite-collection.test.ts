import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openNedbStore } from '../../../test/support/nedb-store.ts';
import type { DocumentCollection, DocumentStore, Filter, StoredDocument } from '../document-store.ts';
import type { SqliteCollection } from './sqlite-collection.ts';
import { openSqliteFile, type SqliteStore } from './sqlite-store.ts';

type Doc = StoredDocument & Record<string, unknown>;

const DOCS: Doc[] = [
  { _id: 'a', n: 1, s: 'x', flag: true, tags: ['red', 'blue'], sub: { k: 'p', list: [{ id: 'v1' }] } },
  {
    _id: 'b',
    n: 2,
    s: 'y',
    flag: false,
    tags: ['blue'],
    sub: { k: 'q', list: [{ id: 'v2' }, { id: 'v3' }] },
  },
  { _id: 'c', n: 3, s: 'z', tags: [], sub: { k: 'p' } },
  { _id: 'd', s: 'x', nothing: null },
  { _id: 'e', n: '2', s: 1, flag: 1 },
  { _id: 'f', n: 2.5, tags: 'red', sub: { k: null } },
];

/** Filters of every operator the contract lists, with MongoDB's edge cases: missing fields, arrays, types. */
const FILTERS: Record<string, unknown>[] = [
  {},
  { s: 'x' },
  { n: 2 },
  { n: '2' },
  { flag: true },
  { flag: 1 },
  { nothing: null },
  { n: null },
  { 'sub.k': 'p' },
  { 'sub.k': null },
  { n: { $ne: 2 } },
  { s: { $ne: 'x' } },
  { n: { $in: [1, 3] } },
  { s: { $in: ['x', 'z'] } },
  { s: { $in: ['x', 1] } },
  { s: { $nin: ['x', 'y'] } },
  { n: { $gt: 1 } },
  { n: { $gte: 2, $lt: 3 } },
  { n: { $lte: 2 } },
  { s: { $lt: 'y' } },
  { n: { $gt: '1' } },
  { _id: { $gt: 'b', $lte: 'e' } },
  { _id: { $in: ['a', 'c', 'x'] } },
  { flag: { $exists: true } },
  { nothing: { $exists: true } },
  { 'sub.k': { $exists: false } },
  { tags: 'red' },
  { tags: 'blue', n: { $gt: 1 } },
  { tags: { $in: ['red', 'green'] } },
  { tags: { $ne: 'blue' } },
  { tags: { $nin: ['red'] } },
  { 'sub.list.id': 'v3' },
  { 'sub.list.id': { $in: ['v1', 'v2'] } },
  { $or: [{ s: 'x' }, { n: { $gte: 3 } }] },
  { $and: [{ s: { $exists: true } }, { $or: [{ flag: false }, { flag: { $exists: false } }] }] },
];

/**
 * Where nedb departs from MongoDB, MongoDB's answer (its documented semantics; the integration suites run the
 * stores on FerretDB too): null matches a missing field, and $ne/$nin exclude arrays holding the value.
 */
const MONGODB_ANSWERS: Record<string, string[]> = {
  '{"nothing":null}': ['a', 'b', 'c', 'd', 'e', 'f'],
  '{"n":null}': ['d'],
  '{"sub.k":null}': ['d', 'e', 'f'],
  '{"tags":{"$ne":"blue"}}': ['c', 'd', 'e', 'f'],
  '{"tags":{"$nin":["red"]}}': ['b', 'c', 'd', 'e'],
};

const byId = (docs: StoredDocument[]) => docs.map((doc) => doc._id).sort();

describe('the SQLite collection', () => {
  const dirs: string[] = [];
  let sqlite: SqliteStore;
  let nedb: DocumentStore;
  let docs: SqliteCollection<Doc>;
  let reference: DocumentCollection<Doc>;

  beforeAll(async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'ketang-sqlite-'));
    dirs.push(dir);
    sqlite = openSqliteFile(path.join(dir, 'test.sqlite'));
    docs = sqlite.collection<Doc>('docs');
    // Indexed paths are matched element by element through the keys table, as MongoDB's multikey indexes.
    for (const field of ['tags', 'sub.list.id', 's']) await docs.createIndex({ [field]: 1 });
    await docs.upsertMany(DOCS);
    // nedb implements MongoDB's query language in JavaScript: the reference for the same documents.
    nedb = await openNedbStore(path.join(dir, 'nedb'));
    reference = nedb.collection<Doc>('docs');
    await reference.upsertMany(DOCS);
  });

  afterAll(async () => {
    await sqlite?.close();
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });

  it.each(FILTERS.map((filter) => [JSON.stringify(filter), filter]))(
    'matches what MongoDB matches for %s',
    async (name, filter) => {
      const expected = MONGODB_ANSWERS[name] ?? byId(await reference.find(filter as Filter<Doc>));
      expect(byId(await docs.find(filter as Filter<Doc>))).toEqual(expected);
      expect(await docs.count(filter as Filter<Doc>)).toBe(expected.length);
    },
  );

  it('sorts (missing first), skips, limits and projects', async () => {
    const sorted = await docs.find(
      {},
      { sort: { n: -1, _id: 1 }, skip: 1, limit: 3, fields: ['s', 'sub.k'] },
    );
    expect(sorted).toEqual([
      { _id: 'c', s: 'z', sub: { k: 'p' } },
      { _id: 'f', sub: { k: null } },
      { _id: 'b', s: 'y', sub: { k: 'q' } },
    ]);
    const ascending = await docs.find({ n: { $exists: true } }, { sort: { n: 1 }, fields: ['_id'] });
    expect(ascending.map((doc) => doc._id)).toEqual(['a', 'b', 'f', 'c', 'e']);
    expect(await docs.findOne({ s: 'nope' })).toBeNull();
    expect(await docs.findOne({ _id: 'a' })).toEqual(DOCS[0]);
  });

  it('replaces by _id, updates with $set and $unset, and deletes, keeping array matches right', async () => {
    const scratch = sqlite.collection<Doc>('scratch');
    await scratch.createIndex({ tags: 1 });
    await scratch.upsertMany(DOCS);
    await scratch.upsertMany([{ _id: 'a', tags: ['green'] }]);
    expect(await scratch.findOne({ _id: 'a' })).toEqual({ _id: 'a', tags: ['green'] });
    expect(byId(await scratch.find({ tags: 'red' }))).toEqual(['f']);
    expect(
      await scratch.updateMany({ tags: 'blue' }, { $set: { 'sub.k': 'r', n: 9 }, $unset: { s: true } }),
    ).toBe(1);
    expect(await scratch.findOne({ _id: 'b' })).toMatchObject({ n: 9, sub: { k: 'r' } });
    expect(await scratch.findOne({ _id: 'b' })).not.toHaveProperty('s');
    // Setting what is already there changes nothing: MongoDB's modified count.
    expect(await scratch.updateMany({ _id: 'b' }, { $set: { n: 9 } })).toBe(0);
    expect(await scratch.deleteMany({ tags: { $in: ['green', 'blue'] } })).toBe(2);
    expect(byId(await scratch.find({}))).toEqual(['c', 'd', 'e', 'f']);
  });

  it('keeps array matches right when a collection turns multikey after scalar writes', async () => {
    const turning = sqlite.collection<Doc>('turning');
    await turning.createIndex({ tags: 1 });
    // Scalars only: no key rows, so replacing a document has none to remove.
    await turning.upsertMany([
      { _id: 'a', tags: 'red' },
      { _id: 'b', tags: 'blue' },
    ]);
    await turning.upsertMany([{ _id: 'a', tags: 'green' }]);
    expect(byId(await turning.find({ tags: 'red' }))).toEqual([]);
    // The first array makes the path multikey; from then on a replacement drops the old elements.
    await turning.upsertMany([{ _id: 'b', tags: ['blue', 'red'] }]);
    expect(byId(await turning.find({ tags: 'red' }))).toEqual(['b']);
    await turning.upsertMany([{ _id: 'b', tags: ['green'] }]);
    expect(byId(await turning.find({ tags: 'red' }))).toEqual([]);
    expect(byId(await turning.find({ tags: 'green' }))).toEqual(['a', 'b']);
  });

  it('refuses a second document with the same value of a unique index', async () => {
    const unique = sqlite.collection<Doc>('unique');
    await unique.createIndex({ email: 1 }, { unique: true });
    await unique.upsertMany([{ _id: '1', email: 'a@x' }]);
    await expect(unique.upsertMany([{ _id: '2', email: 'a@x' }])).rejects.toThrow(/UNIQUE/);
    expect(await unique.count({})).toBe(1);
  });

  it('answers indexed queries from their indexes (EXPLAIN QUERY PLAN)', async () => {
    const lessons = sqlite.collection<Doc>('lessons');
    await lessons.createIndex({ 'placement.textbookId': 1 });
    await lessons.createIndex({ 'placement.unitIds': 1 });
    await lessons.createIndex({ profileId: 1, updatedAt: -1 });
    await lessons.upsertMany([{ _id: 'l1', placement: { textbookId: 't', unitIds: ['u1', 'u2'] } }]);
    // Without sort or limit, a find reads in rowid chunks: the index still picks the rows.
    const plan = (filter: Record<string, unknown>, sort?: Record<string, 1 | -1>) =>
      lessons.explain(filter as Filter<Doc>, sort ? { sort } : {}).join(' | ');
    expect(plan({ 'placement.textbookId': 't' })).toMatch(/USING INDEX "?lessons\$placement\.textbookId_1/);
    expect(plan({ 'placement.textbookId': { $in: ['t', 'u'] } })).toMatch(/USING INDEX/);
    expect(plan({ profileId: 'p' }, { updatedAt: -1 })).toMatch(
      /USING INDEX "?lessons\$profileId_1\$updatedAt_-1/,
    );
    expect(plan({ profileId: 'p' }, { updatedAt: -1 })).not.toMatch(/TEMP B-TREE/);
    expect(plan({ _id: { $in: ['l1', 'l2'] } })).toMatch(/USING INDEX sqlite_autoindex_lessons_1/);
    // An array path reads the keys table's index, and the documents by _id.
    expect(plan({ 'placement.unitIds': 'u1' })).toMatch(/lessons\$keys\$value/);
    expect(plan({ 'placement.unitIds': 'u1' })).not.toMatch(/SCAN lessons\b(?! USING)/);
    expect(await lessons.count({ 'placement.unitIds': 'u2' })).toBe(1);
  });
});
