import type { DocumentCollection, Filter } from '../db/document-store.ts';
import { FAMILY_RECORD_CACHE, ReadCache } from './read-cache.ts';

export type HouseholdRecord = {
  id: string;
  region?: string;
  /** Set at activation by code: the county the family or the carrier named, the carrier and its reference. */
  county?: string;
  carrier?: string;
  externalRef?: string;
  timeZone: string;
  /** scrypt hash of the parental PIN (see services/password-hash.ts). */
  pinHash?: string;
  /** Wrong PIN tries since the last right one or lock. */
  pinFailures?: number;
  pinLockedUntil?: string;
  createdAt: string;
};
type HouseholdDocument = Omit<HouseholdRecord, 'id'> & { _id: string };

/** Households, read on every family request: kept in a ReadCache that this store's writes keep current. */
export class HouseholdStore {
  private readonly cache = new ReadCache<HouseholdRecord>(FAMILY_RECORD_CACHE);

  constructor(private readonly households: DocumentCollection<HouseholdDocument>) {}

  async save(record: HouseholdRecord): Promise<void> {
    const { id, ...rest } = record;
    await this.cache.write(id, () => this.households.upsertMany([{ ...rest, _id: id }]), record);
  }

  /** Frozen: copy to change. */
  async get(id: string): Promise<HouseholdRecord | undefined> {
    return this.cache.get(id, async () => {
      const doc = await this.households.findOne({ _id: id } as Filter<HouseholdDocument>);
      if (!doc) return undefined;
      const { _id, ...rest } = doc;
      return { ...rest, id: _id };
    });
  }
}
