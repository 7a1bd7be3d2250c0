import type { DocumentCollection, StoredDocument } from './document-store.ts';

type Pending = {
  docs: Map<string, StoredDocument>;
  waiters: { resolve(): void; reject(error: unknown): void }[];
};

/**
 * Coalesces upserts that arrive within a few milliseconds into one `upsertMany` per collection: many boxes'
 * heartbeats become one append (embedded store) or one bulk write (MongoDB) instead of one each. Every caller
 * is resolved only once its batch is durable, and rejected with the batch's error otherwise. Within a batch a
 * later document with the same _id replaces an earlier one.
 */
export class WriteCoalescer {
  private readonly pending = new Map<DocumentCollection<StoredDocument>, Pending>();
  private timer: NodeJS.Timeout | undefined;

  constructor(private readonly windowMs = 2) {}

  /** The same collection, with its upserts batched through this coalescer. */
  wrap<T extends StoredDocument>(collection: DocumentCollection<T>): DocumentCollection<T> {
    const upsertMany = (docs: readonly T[]) => this.upsert(collection, docs);
    return new Proxy(collection, {
      get: (target, property, receiver) =>
        property === 'upsertMany' ? upsertMany : Reflect.get(target, property, receiver),
    });
  }

  upsert<T extends StoredDocument>(collection: DocumentCollection<T>, docs: readonly T[]): Promise<void> {
    if (docs.length === 0) return Promise.resolve();
    const key = collection as unknown as DocumentCollection<StoredDocument>;
    let batch = this.pending.get(key);
    if (!batch) {
      batch = { docs: new Map(), waiters: [] };
      this.pending.set(key, batch);
    }
    for (const doc of docs) batch.docs.set(doc._id, doc);
    this.timer ??= setTimeout(() => this.flush(), this.windowMs);
    const waiting = batch.waiters;
    return new Promise<void>((resolve, reject) => waiting.push({ resolve, reject }));
  }

  /** Writes everything pending now, one upsertMany per collection. */
  private flush(): void {
    this.timer = undefined;
    const batches = [...this.pending];
    this.pending.clear();
    for (const [collection, batch] of batches) {
      collection.upsertMany([...batch.docs.values()]).then(
        () => batch.waiters.forEach((waiter) => waiter.resolve()),
        (error: unknown) => batch.waiters.forEach((waiter) => waiter.reject(error)),
      );
    }
  }
}
