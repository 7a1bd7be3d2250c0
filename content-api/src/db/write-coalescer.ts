import type {
  ClaimedWrite,
  ClaimResult,
  CollectionUpsert,
  DocumentCollection,
  DocumentStore,
  StoredDocument,
} from './document-store.ts';

type Waiter = { resolve(): void; reject(error: unknown): void };
type ClaimWaiter = { write: ClaimedWrite; resolve(result: ClaimResult): void; reject(error: unknown): void };

/**
 * Coalesces upserts that arrive within a few milliseconds into one `upsertTogether` of the store: many boxes'
 * heartbeats, with their progress and usage, become one transaction and one fsync (embedded store) or one bulk
 * write per collection (MongoDB) instead of several each. Every caller is resolved only once the write is
 * durable, and rejected with its error otherwise. Within a batch a later document with the same _id replaces an
 * earlier one. Collections are written in the order they first appear in the batch: callers that need an order
 * on MongoDB (heartbeat ids after the progress they counted) list their collections in one consistent order.
 * One batch is written at a time: what arrives meanwhile becomes the next batch, written as soon as the
 * current one is done (group commit), so a slow store gets fewer, larger writes rather than many at once.
 * Claimed writes (`writeClaimed`: ids inserted only where new, without a read) join the same batch, each
 * answered with its own result; a batch holding any goes to the store's `writeClaimed`, the plain upserts
 * first as one claimless write.
 */
export class WriteCoalescer {
  private pending = new Map<string, Map<string, StoredDocument>>();
  private waiters: Waiter[] = [];
  private claims: ClaimWaiter[] = [];
  private timer: NodeJS.Timeout | undefined;
  private isWriting = false;

  constructor(
    private readonly store: Pick<DocumentStore, 'collection' | 'upsertTogether' | 'writeClaimed'>,
    private readonly windowMs = 2,
  ) {}

  /** The store's collection, with its upserts batched through this coalescer. */
  collection<T extends StoredDocument>(name: string): DocumentCollection<T> {
    const upsertMany = (docs: readonly T[]) => this.write([{ collection: name, docs }]);
    return new Proxy(this.store.collection<T>(name), {
      get: (target, property, receiver) =>
        property === 'upsertMany' ? upsertMany : Reflect.get(target, property, receiver),
    });
  }

  /** Upserts into several collections, written with everything else pending; resolves once durable. */
  write(upserts: readonly CollectionUpsert[]): Promise<void> {
    if (upserts.every((upsert) => upsert.docs.length === 0)) return Promise.resolve();
    for (const { collection, docs } of upserts) {
      let batch = this.pending.get(collection);
      if (!batch) this.pending.set(collection, (batch = new Map()));
      for (const doc of docs) batch.set(doc._id, doc);
    }
    this.schedule();
    return new Promise<void>((resolve, reject) => this.waiters.push({ resolve, reject }));
  }

  /** A claimed write (DocumentStore.writeClaimed), written with everything else pending; resolves once durable. */
  writeClaimed(write: ClaimedWrite): Promise<ClaimResult> {
    this.schedule();
    return new Promise<ClaimResult>((resolve, reject) => this.claims.push({ write, resolve, reject }));
  }

  private schedule(): void {
    if (!this.isWriting) this.timer ??= setTimeout(() => this.flush(), this.windowMs);
  }

  /** Writes everything pending now, in one upsertTogether (or writeClaimed). */
  private flush(): void {
    const writes = [...this.pending].map(([collection, docs]) => ({ collection, docs: [...docs.values()] }));
    const waiters = this.waiters;
    const claims = this.claims;
    this.timer = undefined;
    this.pending = new Map();
    this.waiters = [];
    this.claims = [];
    this.isWriting = true;
    const written =
      claims.length === 0
        ? this.store.upsertTogether(writes)
        : this.store
            .writeClaimed([{ upserts: writes }, ...claims.map((claim) => claim.write)])
            .then((results) => claims.forEach((claim, index) => claim.resolve(results[index + 1]!)));
    written
      .then(
        () => waiters.forEach((waiter) => waiter.resolve()),
        (error: unknown) => {
          waiters.forEach((waiter) => waiter.reject(error));
          claims.forEach((claim) => claim.reject(error));
        },
      )
      .finally(() => {
        this.isWriting = false;
        // What arrived meanwhile has waited for this write already: written at once.
        if (this.waiters.length > 0 || this.claims.length > 0) this.flush();
      });
  }
}
