import type { DocumentCollection, Filter, StoredDocument } from '../db/document-store.ts';

/** A catalogue record as stored: the model record, keyed by its id. */
export type StoredRecord<R extends { id: string }> = R & StoredDocument;

export function toStored<R extends { id: string }>(record: R): StoredRecord<R> {
  return { ...record, _id: record.id };
}

/** Strips storage-only fields, so raw documents never leave the store layer. */
export function fromStored<R extends { id: string }>(doc: StoredRecord<R>): R {
  const { _id: _ignored, ...record } = doc;
  return record as unknown as R;
}

/** Reads and writes model records of one collection by id. */
export class RecordStore<R extends { id: string }> {
  constructor(protected readonly collection: DocumentCollection<StoredRecord<R>>) {}

  async get(id: string): Promise<R | null> {
    const doc = await this.collection.findOne({ _id: id } as Filter<StoredRecord<R>>);
    return doc ? fromStored(doc) : null;
  }

  async getMany(ids: readonly string[]): Promise<R[]> {
    if (ids.length === 0) return [];
    const docs = await this.collection.find({ _id: { $in: [...ids] } } as Filter<StoredRecord<R>>);
    return docs.map(fromStored);
  }

  async list(
    filter: Filter<StoredRecord<R>> = {},
    sort: Record<string, 1 | -1> = { order: 1 },
    limit?: number,
  ): Promise<R[]> {
    return (await this.collection.find(filter, { sort, limit })).map(fromStored);
  }

  async count(filter: Filter<StoredRecord<R>> = {}): Promise<number> {
    return this.collection.count(filter);
  }

  /** Some fields of the records matching a filter, without reading the rest. */
  async fieldsWhere<K extends keyof R & string>(
    filter: Filter<StoredRecord<R>>,
    fields: readonly K[],
  ): Promise<(Pick<R, K> & { id: string })[]> {
    const docs = await this.collection.find(filter, { fields });
    return docs.map((doc) => ({ ...fromStored(doc), id: doc._id }) as Pick<R, K> & { id: string });
  }

  /** Ids of the records matching a filter, without reading the records. */
  async idsWhere(filter: Filter<StoredRecord<R>>): Promise<string[]> {
    return (await this.collection.find(filter, { fields: ['_id'] })).map((doc) => doc._id);
  }

  /** Sets fields on the given records; answers how many changed. */
  async patch(ids: readonly string[], fields: Partial<R>): Promise<number> {
    if (ids.length === 0) return 0;
    return this.collection.updateMany({ _id: { $in: [...ids] } } as Filter<StoredRecord<R>>, {
      $set: fields as Partial<StoredRecord<R>>,
    });
  }

  async put(records: readonly R[]): Promise<void> {
    await this.collection.upsertMany(records.map(toStored));
  }

  async removeAll(): Promise<void> {
    await this.collection.deleteMany({});
  }
}
