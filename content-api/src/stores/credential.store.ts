import type { DocumentCollection, Filter } from '../db/document-store.ts';

/** How a box got its credential: at first start today; by carrier activation code later (issue 14). */
export type CredentialKind = 'first-start' | 'activated';

export type CredentialRecord = {
  tokenHash: string;
  kind: CredentialKind;
  householdId: string;
  deviceId: string;
  createdAt: string;
  revokedAt?: string;
};
type CredentialDocument = Omit<CredentialRecord, 'tokenHash'> & { _id: string };

/** Box credentials, keyed by the SHA-256 of their secret: the secret itself is never stored. */
export class CredentialStore {
  constructor(private readonly credentials: DocumentCollection<CredentialDocument>) {}

  static async createIndexes(credentials: DocumentCollection<CredentialDocument>): Promise<void> {
    await credentials.createIndex({ householdId: 1 });
  }

  async add(record: CredentialRecord): Promise<void> {
    const { tokenHash, ...rest } = record;
    await this.credentials.upsertMany([{ ...rest, _id: tokenHash }]);
  }

  async byHash(tokenHash: string): Promise<CredentialRecord | undefined> {
    const doc = await this.credentials.findOne({ _id: tokenHash } as Filter<CredentialDocument>);
    if (!doc) return undefined;
    const { _id, ...rest } = doc;
    return { ...rest, tokenHash: _id };
  }
}
