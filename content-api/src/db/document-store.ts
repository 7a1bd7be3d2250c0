import type { Filter, Sort } from 'mongodb';

/**
 * The one data-access contract: a subset of the MongoDB collection API that both backends implement — the
 * official driver (MongoDB ≥ 6, FerretDB) and the embedded store. Stores are written once against it.
 * Filters use only operators both understand: $eq $ne $in $nin $gt $gte $lt $lte $exists $and $or.
 */
export interface StoredDocument {
  _id: string;
}

export interface FindOptions {
  sort?: Record<string, 1 | -1>;
  limit?: number;
  skip?: number;
  /** Inclusion projection: only these fields (and _id) come back. */
  fields?: readonly string[];
}

export type UpdateSpec<T> = { $set?: Partial<T>; $unset?: Partial<Record<keyof T, true>> };

export interface DocumentCollection<T extends StoredDocument> {
  find(filter: Filter<T>, options?: FindOptions): Promise<T[]>;
  findOne(filter: Filter<T>): Promise<T | null>;
  count(filter: Filter<T>): Promise<number>;
  /** Insert or replace each document by _id. Acknowledged only once durable in the backend. */
  upsertMany(docs: readonly T[]): Promise<void>;
  updateMany(filter: Filter<T>, update: UpdateSpec<T>): Promise<number>;
  deleteMany(filter: Filter<T>): Promise<number>;
  createIndex(fields: Record<string, 1 | -1>, options?: { unique?: boolean }): Promise<void>;
}

/** Documents to insert or replace by _id in one collection. */
export type CollectionUpsert = { collection: string; docs: readonly StoredDocument[] };

/**
 * Documents inserted only where their _id is new (a claim: counted once, e.g. heartbeat ids), and the upserts
 * that follow from them (what they count).
 */
export type ClaimedWrite = { claim?: CollectionUpsert; upserts: readonly CollectionUpsert[] };
/**
 * What a claimed write found. `existing`: the claimed _ids already there. `isWritten`: whether the new claims
 * and the upserts were written all the same (MongoDB: no transactions) or none of it (embedded store: the
 * claim and its upserts are one savepoint, rolled back when any _id existed).
 */
export type ClaimResult = { existing: string[]; isWritten: boolean };

export interface DocumentStore {
  readonly kind: 'mongodb' | 'embedded';
  collection<T extends StoredDocument>(name: string): DocumentCollection<T>;
  /**
   * Upserts into several collections as one write; resolves once all of it is durable. The embedded store
   * commits it in one transaction (all or nothing); MongoDB writes collection by collection in the order
   * given, so a crash in between keeps the earlier collections' documents and loses the later ones.
   */
  upsertTogether(writes: readonly CollectionUpsert[]): Promise<void>;
  /**
   * Claimed writes of several callers as one write, without reading first; resolves once durable, with one
   * result per write. The embedded store: one transaction, each write all or nothing (nothing when any
   * claimed _id existed). MongoDB: every write's upserts first (a bulk write per collection), then every
   * claim (`insertMany`, unordered, duplicate keys answered as `existing`), so a crash in between keeps
   * the upserts and loses the claims.
   */
  writeClaimed(writes: readonly ClaimedWrite[]): Promise<ClaimResult[]>;
  /** Throws StoreUnavailableError when the backend cannot answer. */
  ping(): Promise<void>;
  close(): Promise<void>;
}

/** The backend could not be reached; the API answers 503 with Retry-After and keeps running. */
export class StoreUnavailableError extends Error {
  constructor(cause: unknown) {
    super('the catalogue store is unavailable', { cause });
    this.name = 'StoreUnavailableError';
  }
}

export type { Filter, Sort };
