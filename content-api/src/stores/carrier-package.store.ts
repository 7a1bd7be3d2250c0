import type { CarrierPackage } from '@ketang/contract';
import type { DocumentStore, Filter } from '../db/document-store.ts';

const PACKAGES = 'carrier_packages';
const CHUNKS = 'carrier_package_chunks';
/** Bytes per stored chunk: far below MongoDB's 16 MB document limit once base64-encoded. */
const CHUNK_BYTES = 2 * 1024 * 1024;

export type CarrierPackageRecord = Omit<CarrierPackage, 'url'>;
type PackageDocument = CarrierPackageRecord & { _id: string; chunks: number };
type ChunkDocument = { _id: string; data: string };

const idOf = (carrier: string, version: string) => `${carrier}@${version}`;

/**
 * Carriers' signed packages, in the document store (every API instance serves them; no shared disk needed):
 * the record and its chunks are written together, so a package is listed only once all its bytes are stored.
 */
export class CarrierPackageStore {
  constructor(private readonly store: DocumentStore) {}

  static async createIndexes(store: DocumentStore): Promise<void> {
    await store.collection(PACKAGES).createIndex({ carrier: 1 });
  }

  async add(record: CarrierPackageRecord, bytes: Uint8Array): Promise<void> {
    const id = idOf(record.carrier, record.version);
    const chunks: ChunkDocument[] = [];
    for (let at = 0, index = 0; at < bytes.length; at += CHUNK_BYTES, index++)
      chunks.push({
        _id: `${id}#${index}`,
        data: Buffer.from(bytes.subarray(at, at + CHUNK_BYTES)).toString('base64'),
      });
    const stored: PackageDocument = { ...record, _id: id, chunks: chunks.length };
    await this.store.upsertTogether([
      { collection: CHUNKS, docs: chunks },
      { collection: PACKAGES, docs: [stored] },
    ]);
  }

  async get(carrier: string, version: string): Promise<CarrierPackageRecord | null> {
    const doc = await this.packages().findOne({ _id: idOf(carrier, version) } as Filter<PackageDocument>);
    return doc ? withoutStorage(doc) : null;
  }

  async list(carrier: string): Promise<CarrierPackageRecord[]> {
    return (await this.packages().find({ carrier } as Filter<PackageDocument>)).map(withoutStorage);
  }

  /** The package's bytes, or null when it is not stored. */
  async bytes(carrier: string, version: string): Promise<Buffer | null> {
    const id = idOf(carrier, version);
    const doc = await this.packages().findOne({ _id: id } as Filter<PackageDocument>);
    if (!doc) return null;
    const chunks = this.store.collection<ChunkDocument>(CHUNKS);
    const parts: Buffer[] = [];
    for (let index = 0; index < doc.chunks; index++) {
      const chunk = await chunks.findOne({ _id: `${id}#${index}` } as Filter<ChunkDocument>);
      if (!chunk) throw new Error(`carrier package ${id}: chunk ${index} is missing`);
      parts.push(Buffer.from(chunk.data, 'base64'));
    }
    return Buffer.concat(parts);
  }

  private packages() {
    return this.store.collection<PackageDocument>(PACKAGES);
  }
}

function withoutStorage({ _id: _id, chunks: _chunks, ...record }: PackageDocument): CarrierPackageRecord {
  return record;
}
