import {
  MongoBulkWriteError,
  MongoClient,
  MongoNetworkError,
  MongoServerSelectionError,
  type Db,
  type Filter,
} from 'mongodb';
import {
  StoreUnavailableError,
  type ClaimedWrite,
  type ClaimResult,
  type CollectionUpsert,
  type DocumentCollection,
  type DocumentStore,
  type FindOptions,
  type StoredDocument,
  type UpdateSpec,
} from './document-store.ts';

const SERVER_SELECTION_TIMEOUT_MS = 2_000;
const DUPLICATE_KEY = 11000;
/** Acknowledged only once journaled on a majority: what the API confirms survives a crash. */
const DURABLE = { w: 'majority', j: true } as const;

/** Driver errors that mean "the server is not there right now" rather than "the request is wrong". */
function isUnavailable(error: unknown): boolean {
  return (
    error instanceof MongoServerSelectionError ||
    error instanceof MongoNetworkError ||
    (error instanceof Error && error.name === 'MongoTopologyClosedError')
  );
}

async function guard<R>(operation: () => Promise<R>): Promise<R> {
  try {
    return await operation();
  } catch (error) {
    if (isUnavailable(error)) throw new StoreUnavailableError(error);
    throw error;
  }
}

function toProjection(fields: readonly string[] | undefined): Record<string, 1> | undefined {
  if (!fields) return undefined;
  return Object.fromEntries(fields.map((field) => [field, 1]));
}

class MongoCollection<T extends StoredDocument> implements DocumentCollection<T> {
  constructor(
    private readonly db: Db,
    private readonly name: string,
  ) {}

  private get raw() {
    return this.db.collection<T>(this.name);
  }

  find(filter: Filter<T>, options: FindOptions = {}): Promise<T[]> {
    return guard(async () => {
      let cursor = this.raw.find(filter, { projection: toProjection(options.fields) });
      if (options.sort) cursor = cursor.sort(options.sort);
      if (options.skip) cursor = cursor.skip(options.skip);
      if (options.limit) cursor = cursor.limit(options.limit);
      return (await cursor.toArray()) as T[];
    });
  }

  findOne(filter: Filter<T>): Promise<T | null> {
    return guard(async () => (await this.raw.findOne(filter)) as T | null);
  }

  count(filter: Filter<T>): Promise<number> {
    return guard(() => this.raw.countDocuments(filter));
  }

  /**
   * New documents go in with one insertMany and only existing ones are replaced: per-document upserts cost a
   * lookup each (about 10 ms on FerretDB), which would make loading a large catalogue take many minutes.
   */
  upsertMany(docs: readonly T[]): Promise<void> {
    if (docs.length === 0) return Promise.resolve();
    return guard(async () => {
      const ids = docs.map((doc) => doc._id);
      const existing = new Set<string>();
      const found = this.raw.find({ _id: { $in: ids } } as Filter<T>, { projection: { _id: 1 } });
      for await (const doc of found) existing.add(String(doc._id));
      const fresh = docs.filter((doc) => !existing.has(doc._id));
      const replacements = docs
        .filter((doc) => existing.has(doc._id))
        .map((doc) => ({
          replaceOne: { filter: { _id: doc._id } as Filter<T>, replacement: doc, upsert: true },
        }));
      if (fresh.length > 0)
        await this.raw.insertMany(fresh as never[], { ordered: false, writeConcern: DURABLE });
      if (replacements.length > 0)
        await this.raw.bulkWrite(replacements, { ordered: false, writeConcern: DURABLE });
    });
  }

  /**
   * Inserts the documents without reading first (unordered: each goes in or meets its duplicate key);
   * answers the _ids that were already there. No `$in` read, which FerretDB 1.x answers by a scan.
   */
  insertNew(docs: readonly T[]): Promise<string[]> {
    if (docs.length === 0) return Promise.resolve([]);
    return guard(async () => {
      try {
        await this.raw.insertMany(docs as never[], { ordered: false, writeConcern: DURABLE });
        return [];
      } catch (error) {
        if (!(error instanceof MongoBulkWriteError)) throw error;
        const errors = [error.writeErrors].flat();
        if (errors.length === 0 || errors.some((each) => each.code !== DUPLICATE_KEY)) throw error;
        return errors.map((each) => docs[each.index]!._id);
      }
    });
  }

  updateMany(filter: Filter<T>, update: UpdateSpec<T>): Promise<number> {
    return guard(async () => {
      const result = await this.raw.updateMany(filter, update as never, {
        writeConcern: { w: 'majority', j: true },
      });
      return result.modifiedCount;
    });
  }

  deleteMany(filter: Filter<T>): Promise<number> {
    return guard(async () => (await this.raw.deleteMany(filter)).deletedCount);
  }

  createIndex(fields: Record<string, 1 | -1>, options: { unique?: boolean } = {}): Promise<void> {
    return guard(async () => {
      await this.raw.createIndex(fields, { unique: options.unique ?? false });
    });
  }
}

/** MongoDB ≥ 6 or FerretDB through the official driver. The driver reconnects by itself after a loss. */
export async function openMongoStore(uri: string): Promise<DocumentStore> {
  const client = new MongoClient(uri, {
    serverSelectionTimeoutMS: SERVER_SELECTION_TIMEOUT_MS,
    connectTimeoutMS: SERVER_SELECTION_TIMEOUT_MS,
  });
  // No explicit connect: the driver connects on first use and reconnects by itself, so the API can start
  // while the server is down and serve 503s until it is back.
  const db = client.db();
  return {
    kind: 'mongodb',
    collection: <T extends StoredDocument>(name: string) => new MongoCollection<T>(db, name),
    // No multi-document transactions (FerretDB has none): one bulk write per collection, in order.
    async upsertTogether(writes: readonly CollectionUpsert[]) {
      for (const write of writes) await new MongoCollection(db, write.collection).upsertMany(write.docs);
    },
    async writeClaimed(writes: readonly ClaimedWrite[]): Promise<ClaimResult[]> {
      for (const write of mergeByCollection(writes.flatMap((each) => each.upserts))) {
        await new MongoCollection(db, write.collection).upsertMany(write.docs);
      }
      const existing = new Set<string>();
      for (const claim of mergeByCollection(writes.flatMap((each) => (each.claim ? [each.claim] : [])))) {
        for (const id of await new MongoCollection(db, claim.collection).insertNew(claim.docs))
          existing.add(id);
      }
      return writes.map((write) => ({
        existing: (write.claim?.docs ?? []).map((doc) => doc._id).filter((id) => existing.has(id)),
        isWritten: true,
      }));
    },
    ping: () => guard(async () => void (await db.command({ ping: 1 }))),
    close: () => client.close(),
  };
}

/** One write per collection, in the order each first appears; a later document of an _id replaces an earlier. */
function mergeByCollection(writes: readonly CollectionUpsert[]): CollectionUpsert[] {
  const merged = new Map<string, Map<string, StoredDocument>>();
  for (const { collection, docs } of writes) {
    let byId = merged.get(collection);
    if (!byId) merged.set(collection, (byId = new Map()));
    for (const doc of docs) byId.set(doc._id, doc);
  }
  return [...merged].map(([collection, byId]) => ({ collection, docs: [...byId.values()] }));
}
