import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import Datastore from '@seald-io/nedb';
import type {
  DocumentCollection,
  DocumentStore,
  Filter,
  FindOptions,
  StoredDocument,
  UpdateSpec,
} from '../../src/db/document-store.ts';

/**
 * The former embedded store, kept to write the nedb directories the migration tests read: @seald-io/nedb, a maintained embedded document database with MongoDB's query
 * language, one append-only file per collection in the data directory. A write resolves only after its line
 * is appended to the file, so an acknowledged write survives a kill -9 of the process.
 */
class EmbeddedCollection<T extends StoredDocument> implements DocumentCollection<T> {
  constructor(private readonly datastore: Datastore<T>) {}

  async find(filter: Filter<T>, options: FindOptions = {}): Promise<T[]> {
    const projection = options.fields ? Object.fromEntries(options.fields.map((field) => [field, 1])) : {};
    let cursor = this.datastore.findAsync(filter, projection);
    if (options.sort) cursor = cursor.sort(options.sort);
    if (options.skip) cursor = cursor.skip(options.skip);
    if (options.limit) cursor = cursor.limit(options.limit);
    return (await cursor) as T[];
  }

  async findOne(filter: Filter<T>): Promise<T | null> {
    return ((await this.datastore.findOneAsync(filter)) as T | null) ?? null;
  }

  async count(filter: Filter<T>): Promise<number> {
    return await this.datastore.countAsync(filter);
  }

  async upsertMany(docs: readonly T[]): Promise<void> {
    if (docs.length === 0) return;
    const ids = docs.map((doc) => doc._id);
    const existing = new Set(
      (await this.datastore.findAsync({ _id: { $in: ids } }, { _id: 1 })).map((doc) => doc._id),
    );
    const fresh = docs.filter((doc) => !existing.has(doc._id));
    // Inserting a batch appends it to the file in one write; replacements are one line each.
    if (fresh.length > 0) await this.datastore.insertAsync(fresh as T[]);
    await Promise.all(
      docs
        .filter((doc) => existing.has(doc._id))
        .map((doc) => this.datastore.updateAsync({ _id: doc._id }, doc, {})),
    );
  }

  async updateMany(filter: Filter<T>, update: UpdateSpec<T>): Promise<number> {
    const result = await this.datastore.updateAsync(filter, update, { multi: true });
    return result.numAffected;
  }

  async deleteMany(filter: Filter<T>): Promise<number> {
    return await this.datastore.removeAsync(filter, { multi: true });
  }

  async createIndex(fields: Record<string, 1 | -1>, options: { unique?: boolean } = {}): Promise<void> {
    const names = Object.keys(fields);
    const fieldName = names.length === 1 ? names[0]! : names;
    await this.datastore.ensureIndexAsync({ fieldName, unique: options.unique ?? false });
  }
}

export async function openNedbStore(dataDir: string): Promise<DocumentStore> {
  await mkdir(dataDir, { recursive: true });
  const datastores = new Map<string, Datastore>();
  const loading = new Map<string, Promise<void>>();

  function datastoreFor(name: string): Datastore {
    let datastore = datastores.get(name);
    if (!datastore) {
      datastore = new Datastore({ filename: path.join(dataDir, `${name}.db`) });
      datastores.set(name, datastore);
      loading.set(name, datastore.loadDatabaseAsync());
    }
    return datastore;
  }

  const store: DocumentStore = {
    kind: 'embedded',
    collection<T extends StoredDocument>(name: string): DocumentCollection<T> {
      // nedb queues operations until the file is loaded, so a collection is usable at once.
      return new EmbeddedCollection<T>(datastoreFor(name) as unknown as Datastore<T>);
    },
    async upsertTogether(writes) {
      for (const write of writes) {
        await new EmbeddedCollection(datastoreFor(write.collection)).upsertMany(write.docs);
      }
    },
    // One write after the other, each all or nothing: claims checked by a read (no other writer here).
    async writeClaimed(writes) {
      const results = [];
      for (const { claim, upserts } of writes) {
        const ids = (claim?.docs ?? []).map((doc) => doc._id);
        const found = claim
          ? await new EmbeddedCollection(datastoreFor(claim.collection)).find({ _id: { $in: ids } })
          : [];
        if (found.length > 0) {
          results.push({ existing: found.map((doc) => doc._id), isWritten: false });
          continue;
        }
        await store.upsertTogether([...(claim ? [claim] : []), ...upserts]);
        results.push({ existing: [], isWritten: true });
      }
      return results;
    },
    async ping() {
      await Promise.all(loading.values());
    },
    async close() {
      await Promise.all(loading.values());
      // Compacting on close keeps the append-only files short across restarts.
      await Promise.all([...datastores.values()].map((datastore) => datastore.compactDatafileAsync()));
    },
  };
  return store;
}
