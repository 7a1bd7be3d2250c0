import type { DocumentCollection, Filter } from '../db/document-store.ts';
import type { Controls } from '@ketang/contract';
import { FAMILY_RECORD_CACHE, ReadCache } from './read-cache.ts';

export type ProfileRecord = {
  id: string;
  householdId: string;
  kind: 'child' | 'adult';
  name: string;
  avatar: string;
  gradeId?: string;
  editions: Record<string, string>;
  controls: Controls;
  createdAt: string;
};
type ProfileDocument = Omit<ProfileRecord, 'id'> & { _id: string };

const toRecord = ({ _id, ...rest }: ProfileDocument): ProfileRecord => ({ ...rest, id: _id });

/**
 * Profiles, always read within their household: another household's profile id finds nothing. Single profiles
 * (read on every heartbeat) are kept in a ReadCache that this store's writes keep current.
 */
export class ProfileStore {
  private readonly cache = new ReadCache<ProfileRecord>(FAMILY_RECORD_CACHE);

  constructor(private readonly profiles: DocumentCollection<ProfileDocument>) {}

  static async createIndexes(profiles: DocumentCollection<ProfileDocument>): Promise<void> {
    await profiles.createIndex({ householdId: 1 });
  }

  async save(record: ProfileRecord): Promise<void> {
    const { id, ...rest } = record;
    await this.cache.write(id, () => this.profiles.upsertMany([{ ...rest, _id: id }]), record);
  }

  /** Frozen: copy to change. */
  async get(householdId: string, id: string): Promise<ProfileRecord | undefined> {
    const profile = await this.cache.get(id, async () => {
      const doc = await this.profiles.findOne({ _id: id, householdId } as Filter<ProfileDocument>);
      return doc ? toRecord(doc) : undefined;
    });
    return profile?.householdId === householdId ? profile : undefined;
  }

  async ofHousehold(householdId: string): Promise<ProfileRecord[]> {
    const docs = await this.profiles.find({ householdId } as Filter<ProfileDocument>, {
      sort: { createdAt: 1 },
    });
    return docs.map(toRecord);
  }

  async delete(householdId: string, id: string): Promise<boolean> {
    let deleted = 0;
    await this.cache.write(
      id,
      async () => {
        deleted = await this.profiles.deleteMany({ _id: id, householdId } as Filter<ProfileDocument>);
      },
      undefined,
    );
    return deleted > 0;
  }
}
