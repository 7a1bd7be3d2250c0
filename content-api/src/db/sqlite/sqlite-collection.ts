import type { Database, Statement } from 'better-sqlite3';
import { LRUCache } from 'lru-cache';
import type {
  DocumentCollection,
  Filter,
  FindOptions,
  StoredDocument,
  UpdateSpec,
} from '../document-store.ts';
import { arrayValuesOnPath, setPath, unsetPath } from './document-paths.ts';
import {
  fieldExpression,
  translateFilter,
  translateSort,
  type FilterScope,
  type SqlFragment,
  type SqlValue,
} from './sql-filter.ts';

/** Rows written per transaction: one fsync each, and a short enough block of the event loop (~5 ms). */
export const WRITE_BATCH = 500;
/** Rows read per statement when a read has no limit: the loop yields between chunks (see npm run bench -- store). */
export const READ_CHUNK = 500;
/**
 * Prepared read statements kept per collection, by SQL text: the stores' reads are a few shapes (the number of
 * `IN` values varies), and preparing one costs more than running a lookup by _id.
 */
const PREPARED_READS = 200;

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;
const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * One collection as a table of JSON documents, `(rowid, _id UNIQUE, doc TEXT)`, plus a keys table holding the
 * elements of arrays met on indexed paths (MongoDB's multikey indexes): `{'placement.unitIds': 'u1'}` finds
 * lessons whose `unitIds` contain `u1` through that table's index. Each method is synchronous SQLite work in
 * small pieces; a write resolves once its transactions are committed and `durable` (the WAL's fsync) has
 * resolved.
 */
export class SqliteCollection<T extends StoredDocument> implements DocumentCollection<T> {
  private readonly table: string;
  private readonly keysTable: string;
  /** Paths of single-field indexes: their array elements go to the keys table. */
  private readonly keyPaths = new Set<string>();
  /** Indexed paths on which some document held an array. */
  private readonly multikeyPaths = new Set<string>();
  private readonly scope: FilterScope;
  private readonly upsertRow: Statement;
  private readonly insertRow: Statement;
  private readonly deleteKeys: Statement;
  private readonly insertKey: Statement;
  private readonly reads = new LRUCache<string, Statement>({ max: PREPARED_READS });

  constructor(
    private readonly db: Database,
    private readonly name: string,
    private readonly durable: () => Promise<void>,
  ) {
    this.table = quote(name);
    this.keysTable = quote(`${name}$keys`);
    db.exec(`CREATE TABLE IF NOT EXISTS ${this.table} (_id TEXT NOT NULL UNIQUE, doc TEXT NOT NULL)`);
    db.exec(`CREATE TABLE IF NOT EXISTS ${this.keysTable} (path TEXT NOT NULL, value, id TEXT NOT NULL)`);
    db.exec(`CREATE INDEX IF NOT EXISTS ${quote(`${name}$keys$value`)} ON ${this.keysTable} (path, value)`);
    db.exec(`CREATE INDEX IF NOT EXISTS ${quote(`${name}$keys$id`)} ON ${this.keysTable} (id)`);
    for (const row of db.prepare('SELECT path FROM ketang_key_paths WHERE collection = ?').all(name) as {
      path: string;
    }[])
      this.keyPaths.add(row.path);
    for (const row of db.prepare(`SELECT DISTINCT path FROM ${this.keysTable}`).all() as { path: string }[])
      this.multikeyPaths.add(row.path);
    this.scope = { keysTable: this.keysTable, isMultikey: (path) => this.multikeyPaths.has(path) };
    this.upsertRow = db.prepare(
      `INSERT INTO ${this.table} (_id, doc) VALUES (?, ?) ON CONFLICT (_id) DO UPDATE SET doc = excluded.doc`,
    );
    this.insertRow = db.prepare(
      `INSERT INTO ${this.table} (_id, doc) VALUES (?, ?) ON CONFLICT (_id) DO NOTHING`,
    );
    this.deleteKeys = db.prepare(`DELETE FROM ${this.keysTable} WHERE id = ?`);
    this.insertKey = db.prepare(`INSERT INTO ${this.keysTable} (path, value, id) VALUES (?, ?, ?)`);
  }

  private prepared(sql: string): Statement {
    let statement = this.reads.get(sql);
    if (!statement) this.reads.set(sql, (statement = this.db.prepare(sql)));
    return statement;
  }

  private where(filter: Filter<T>): SqlFragment {
    return translateFilter(filter as Record<string, unknown>, this.scope);
  }

  /** The plan of the statement a find runs (the first chunk's, for an unbounded read), for tests. */
  explain(filter: Filter<T>, options: FindOptions = {}): string[] {
    const { sql, params } = isBounded(options)
      ? this.selectSql(filter, options)
      : this.chunkSql(filter, options.fields);
    const bound = isBounded(options) ? params : [0, ...params];
    const plan = this.db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...bound) as { detail: string }[];
    return plan.map((row) => row.detail);
  }

  private selectSql(filter: Filter<T>, options: FindOptions): SqlFragment {
    const where = this.where(filter);
    const columns = options.fields ? projectionColumns(options.fields) : 'doc';
    let sql = `SELECT _id, ${columns} FROM ${this.table} WHERE ${where.sql} ${translateSort(options.sort)}`;
    const params: SqlValue[] = [...where.params];
    if (options.limit || options.skip) {
      sql += ' LIMIT ? OFFSET ?';
      params.push(options.limit || -1, options.skip ?? 0);
    }
    return { sql, params };
  }

  async find(filter: Filter<T>, options: FindOptions = {}): Promise<T[]> {
    const toDoc = options.fields ? projector<T>(options.fields) : (row: Row) => JSON.parse(row.doc) as T;
    if (isBounded(options)) {
      const { sql, params } = this.selectSql(filter, options);
      return (this.prepared(sql).all(...params) as Row[]).map(toDoc);
    }
    return this.findInChunks(filter, options.fields, toDoc);
  }

  /** An unbounded read, in rowid order, a chunk per statement so that other requests run in between. */
  private async findInChunks(
    filter: Filter<T>,
    fields: readonly string[] | undefined,
    toDoc: (row: Row) => T,
  ): Promise<T[]> {
    const { sql, params } = this.chunkSql(filter, fields);
    const statement = this.prepared(sql);
    const docs: T[] = [];
    let after = 0;
    for (;;) {
      const rows = statement.all(after, ...params) as (Row & { rowid: number })[];
      for (const row of rows) docs.push(toDoc(row));
      if (rows.length < READ_CHUNK) return docs;
      after = rows.at(-1)!.rowid;
      await yieldToEventLoop();
    }
  }

  /** The statement of one chunk: its first parameter is the last rowid of the chunk before. */
  private chunkSql(filter: Filter<T>, fields: readonly string[] | undefined): SqlFragment {
    const where = this.where(filter);
    const columns = fields ? projectionColumns(fields) : 'doc';
    return {
      sql: `SELECT rowid, _id, ${columns} FROM ${this.table} WHERE rowid > ? AND (${where.sql}) ORDER BY rowid LIMIT ${READ_CHUNK}`,
      params: where.params,
    };
  }

  async findOne(filter: Filter<T>): Promise<T | null> {
    const [doc] = await this.find(filter, { limit: 1 });
    return doc ?? null;
  }

  async count(filter: Filter<T>): Promise<number> {
    const where = this.where(filter);
    const row = this.prepared(`SELECT count(*) AS n FROM ${this.table} WHERE ${where.sql}`).get(
      ...where.params,
    );
    return (row as { n: number }).n;
  }

  /** Inserts or replaces by _id, WRITE_BATCH documents per transaction; resolves once all are durable. */
  async upsertMany(docs: readonly T[]): Promise<void> {
    if (docs.length === 0) return;
    for (let start = 0; start < docs.length; start += WRITE_BATCH) {
      if (start > 0) await yieldToEventLoop();
      this.db.transaction(() => this.writeDocuments(docs.slice(start, start + WRITE_BATCH)))();
    }
    await this.durable();
  }

  /** Inserts or replaces by _id within the caller's transaction (see SqliteStore.upsertTogether). */
  writeDocuments(docs: readonly T[]): void {
    for (const doc of docs) this.writeDocument(doc);
  }

  /**
   * Inserts the documents whose _id is new, within the caller's transaction, without reading first (the
   * unique _id decides); answers the _ids that were already there, left unchanged.
   */
  insertNew(docs: readonly T[]): string[] {
    const existing: string[] = [];
    for (const doc of docs) {
      if (this.insertRow.run(doc._id, JSON.stringify(doc)).changes === 0) existing.push(doc._id);
      else if (this.keyPaths.size > 0) this.writeKeys(doc);
    }
    return existing;
  }

  private writeDocument(doc: T): void {
    this.upsertRow.run(doc._id, JSON.stringify(doc));
    if (this.keyPaths.size === 0) return;
    // The keys table holds rows of multikey paths only: until one is, no document has rows to replace (a
    // heartbeat, progress or usage write then skips this lookup).
    if (this.multikeyPaths.size > 0) this.deleteKeys.run(doc._id);
    this.writeKeys(doc);
  }

  private writeKeys(doc: T): void {
    for (const path of this.keyPaths) {
      const values = arrayValuesOnPath(doc, path);
      if (values.length > 0) this.multikeyPaths.add(path);
      for (const value of new Set(values)) this.insertKey.run(path, value, doc._id);
    }
  }

  /** $set and $unset (dotted paths allowed); answers how many documents changed, as MongoDB does. */
  async updateMany(filter: Filter<T>, update: UpdateSpec<T>): Promise<number> {
    const where = this.where(filter);
    const rows = this.db
      .prepare(`SELECT _id, doc FROM ${this.table} WHERE ${where.sql}`)
      .all(...where.params) as Row[];
    const changed: T[] = [];
    for (const row of rows) {
      const doc = JSON.parse(row.doc) as Record<string, unknown>;
      for (const [path, value] of Object.entries(update.$set ?? {})) setPath(doc, path, value);
      for (const path of Object.keys(update.$unset ?? {})) unsetPath(doc, path);
      if (JSON.stringify(doc) !== row.doc) changed.push(doc as T);
    }
    await this.upsertMany(changed);
    return changed.length;
  }

  async deleteMany(filter: Filter<T>): Promise<number> {
    const where = this.where(filter);
    const deleted = this.db.transaction(() => {
      // The documents go first: the filter may read the keys table, which is cleared after them.
      const rows = this.db
        .prepare(`DELETE FROM ${this.table} WHERE ${where.sql} RETURNING _id`)
        .all(...where.params) as { _id: string }[];
      if (this.keyPaths.size > 0) for (const { _id } of rows) this.deleteKeys.run(_id);
      return rows.length;
    })();
    if (deleted > 0) await this.durable();
    return deleted;
  }

  /**
   * An index on the json_extract expressions of the fields, which the filters' SQL repeats literally. A
   * single-field index also keeps the elements of arrays on its path in the keys table, filled here from the
   * documents already stored when the path is new.
   */
  async createIndex(fields: Record<string, 1 | -1>, options: { unique?: boolean } = {}): Promise<void> {
    const entries = Object.entries(fields);
    const name = quote(
      `${this.name}$${entries.map(([path, direction]) => `${path}_${direction}`).join('$')}`,
    );
    const columns = entries
      .map(([path, direction]) => `${fieldExpression(path)}${direction === -1 ? ' DESC' : ''}`)
      .join(', ');
    this.db.transaction(() => {
      this.db.exec(
        `CREATE ${options.unique ? 'UNIQUE ' : ''}INDEX IF NOT EXISTS ${name} ON ${this.table} (${columns})`,
      );
      if (entries.length === 1 && !this.keyPaths.has(entries[0]![0])) this.addKeyPath(entries[0]![0]);
    })();
    await this.durable();
  }

  private addKeyPath(path: string): void {
    this.db
      .prepare('INSERT OR IGNORE INTO ketang_key_paths (collection, path) VALUES (?, ?)')
      .run(this.name, path);
    this.keyPaths.add(path);
    const rows = this.db.prepare(`SELECT doc FROM ${this.table}`).iterate() as IterableIterator<{
      doc: string;
    }>;
    const docs = [...rows].map((row) => JSON.parse(row.doc) as T);
    for (const doc of docs) {
      for (const value of new Set(arrayValuesOnPath(doc, path))) {
        this.multikeyPaths.add(path);
        this.insertKey.run(path, value, doc._id);
      }
    }
  }
}

type Row = { _id: string; doc: string } & Record<string, unknown>;

/** Sorted, limited or skipped reads run as one statement; the others go in chunks (findInChunks). */
const isBounded = (options: FindOptions) => Boolean(options.sort || options.limit || options.skip);

/** One column per projected field: its JSON text (`doc -> path`), NULL when the field is missing. */
function projectionColumns(fields: readonly string[]): string {
  return fields
    .map((field, index) =>
      field === '_id' ? `NULL AS f${index}` : `doc -> ${jsonPathOf(field)} AS f${index}`,
    )
    .join(', ');
}

const jsonPathOf = (field: string) => fieldExpression(field).slice('json_extract(doc, '.length, -1);

/** Builds documents from projected columns: only the fields present, plus _id. */
function projector<T>(fields: readonly string[]): (row: Row) => T {
  return (row: Row) => {
    const doc: Record<string, unknown> = { _id: row._id };
    fields.forEach((field, index) => {
      const text = row[`f${index}`];
      if (field !== '_id' && typeof text === 'string') setPath(doc, field, JSON.parse(text));
    });
    return doc as T;
  };
}
