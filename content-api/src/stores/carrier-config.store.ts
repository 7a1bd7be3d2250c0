import type { CarrierConfigRecord } from '@ketang/contract';
import type { DocumentCollection, Filter } from '../db/document-store.ts';

type CarrierConfigDocument = CarrierConfigRecord & { _id: string };

/** Every published version of every carrier's configuration; nothing is overwritten. */
export class CarrierConfigStore {
  constructor(private readonly versions: DocumentCollection<CarrierConfigDocument>) {}

  static async createIndexes(versions: DocumentCollection<CarrierConfigDocument>): Promise<void> {
    await versions.createIndex({ carrier: 1, seq: -1 });
  }

  async latest(carrier: string): Promise<CarrierConfigRecord | null> {
    const [doc] = await this.versions.find({ carrier } as Filter<CarrierConfigDocument>, {
      sort: { seq: -1 },
      limit: 1,
    });
    return doc ? withoutId(doc) : null;
  }

  async version(carrier: string, version: string): Promise<CarrierConfigRecord | null> {
    const doc = await this.versions.findOne({ carrier, version } as Filter<CarrierConfigDocument>);
    return doc ? withoutId(doc) : null;
  }

  /** Every version of every carrier, newest first per carrier. */
  async all(): Promise<CarrierConfigRecord[]> {
    const docs = await this.versions.find({}, { sort: { carrier: 1, seq: -1 } });
    return docs.map(withoutId);
  }

  async add(record: CarrierConfigRecord): Promise<void> {
    await this.versions.upsertMany([{ ...record, _id: `${record.carrier}#${record.seq}` }]);
  }
}

function withoutId({ _id: _ignored, ...record }: CarrierConfigDocument): CarrierConfigRecord {
  return record;
}
