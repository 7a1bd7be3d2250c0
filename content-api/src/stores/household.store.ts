import type { DocumentCollection, Filter } from '../db/document-store.ts';

export type HouseholdRecord = {
  id: string;
  region?: string;
  timeZone: string;
  /** scrypt hash of the parental PIN (see services/password-hash.ts). */
  pinHash?: string;
  /** Wrong PIN tries since the last right one or lock. */
  pinFailures?: number;
  pinLockedUntil?: string;
  createdAt: string;
};
type HouseholdDocument = Omit<HouseholdRecord, 'id'> & { _id: string };

export class HouseholdStore {
  constructor(private readonly households: DocumentCollection<HouseholdDocument>) {}

  async save(record: HouseholdRecord): Promise<void> {
    const { id, ...rest } = record;
    await this.households.upsertMany([{ ...rest, _id: id }]);
  }

  async get(id: string): Promise<HouseholdRecord | undefined> {
    const doc = await this.households.findOne({ _id: id } as Filter<HouseholdDocument>);
    if (!doc) return undefined;
    const { _id, ...rest } = doc;
    return { ...rest, id: _id };
  }
}
