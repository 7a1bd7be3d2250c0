import type { DocumentCollection, Filter } from '../db/document-store.ts';
import { FAMILY_RECORD_CACHE, ReadCache } from './read-cache.ts';

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

/**
 * Box credentials, keyed by the SHA-256 of their secret: the secret itself is never stored. Looked up on every
 * box request, so kept in a ReadCache: a revocation through this store drops its entry; one written by another
 * process is seen within the cache's TTL. Unknown hashes are not cached.
 */
export class CredentialStore {
  private readonly cache = new ReadCache<CredentialRecord>(FAMILY_RECORD_CACHE);

  constructor(private readonly credentials: DocumentCollection<CredentialDocument>) {}

  static async createIndexes(credentials: DocumentCollection<CredentialDocument>): Promise<void> {
    await credentials.createIndex({ householdId: 1 });
  }

  async add(record: CredentialRecord): Promise<void> {
    const { tokenHash, ...rest } = record;
    await this.cache.write(
      tokenHash,
      () => this.credentials.upsertMany([{ ...rest, _id: tokenHash }]),
      record,
    );
  }

  /** Revokes every credential of a device (a box given away or lost): refused from the next request on. */
  async revokeDevice(deviceId: string, at: Date): Promise<void> {
    await this.cache.change(
      (_hash, record) => record.deviceId === deviceId,
      () =>
        this.credentials.updateMany({ deviceId } as Filter<CredentialDocument>, {
          $set: { revokedAt: at.toISOString() },
        }),
    );
  }

  async byHash(tokenHash: string): Promise<CredentialRecord | undefined> {
    return this.cache.get(tokenHash, async () => {
      const doc = await this.credentials.findOne({ _id: tokenHash } as Filter<CredentialDocument>);
      if (!doc) return undefined;
      const { _id, ...rest } = doc;
      return { ...rest, tokenHash: _id };
    });
  }
}
