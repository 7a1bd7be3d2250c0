import type { DocumentCollection, Filter } from '../db/document-store.ts';
import type { Controls } from '../schemas/family.schema.ts';

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

/** Profiles, always read within their household: another household's profile id finds nothing. */
export class ProfileStore {
  constructor(private readonly profiles: DocumentCollection<ProfileDocument>) {}

  static async createIndexes(profiles: DocumentCollection<ProfileDocument>): Promise<void> {
    await profiles.createIndex({ householdId: 1 });
  }

  async save(record: ProfileRecord): Promise<void> {
    const { id, ...rest } = record;
    await this.profiles.upsertMany([{ ...rest, _id: id }]);
  }

  async get(householdId: string, id: string): Promise<ProfileRecord | undefined> {
    const doc = await this.profiles.findOne({ _id: id, householdId } as Filter<ProfileDocument>);
    return doc ? toRecord(doc) : undefined;
  }

  async ofHousehold(householdId: string): Promise<ProfileRecord[]> {
    const docs = await this.profiles.find({ householdId } as Filter<ProfileDocument>, {
      sort: { createdAt: 1 },
    });
    return docs.map(toRecord);
  }

  async delete(householdId: string, id: string): Promise<boolean> {
    return (await this.profiles.deleteMany({ _id: id, householdId } as Filter<ProfileDocument>)) > 0;
  }
}
