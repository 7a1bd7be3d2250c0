import type { DocumentCollection, DocumentStore, StoredDocument } from '../../src/db/document-store.ts';

/** Wraps a real store and counts every write that reaches it, per collection. */
export function countWrites(store: DocumentStore): { store: DocumentStore; writes: Map<string, number> } {
  const writes = new Map<string, number>();
  const count = (name: string) => writes.set(name, (writes.get(name) ?? 0) + 1);
  const wrapped: DocumentStore = {
    kind: store.kind,
    ping: () => store.ping(),
    close: () => store.close(),
    upsertTogether: (writes) => {
      for (const write of writes) if (write.docs.length > 0) count(write.collection);
      return store.upsertTogether(writes);
    },
    writeClaimed: (writes) => {
      for (const write of writes) {
        for (const each of [...(write.claim ? [write.claim] : []), ...write.upserts]) {
          if (each.docs.length > 0) count(each.collection);
        }
      }
      return store.writeClaimed(writes);
    },
    collection<T extends StoredDocument>(name: string): DocumentCollection<T> {
      const inner = store.collection<T>(name);
      return {
        find: (filter, options) => inner.find(filter, options),
        findOne: (filter) => inner.findOne(filter),
        count: (filter) => inner.count(filter),
        createIndex: (fields, options) => inner.createIndex(fields, options),
        upsertMany: (docs) => (docs.length > 0 && count(name), inner.upsertMany(docs)),
        updateMany: (filter, update) => (count(name), inner.updateMany(filter, update)),
        deleteMany: (filter) => (count(name), inner.deleteMany(filter)),
      };
    },
  };
  return { store: wrapped, writes };
}

/** Every catalogue collection's documents, sorted by id: to compare two stores. */
export async function dumpCatalogue(store: DocumentStore): Promise<Record<string, unknown[]>> {
  const names = ['facets', 'providers', 'textbooks', 'sections', 'lessons', 'sync_state'];
  const dump: Record<string, unknown[]> = {};
  for (const name of names) {
    const docs = await store.collection(name).find({}, { sort: { _id: 1 } });
    dump[name] = docs.map((doc) => JSON.parse(JSON.stringify(doc)));
  }
  return dump;
}
