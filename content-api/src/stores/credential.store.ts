import type { DocumentCollection, Filter } from '../db/document-store.ts';
import { FAMILY_RECORD_CACHE, ReadCache } from './read-cache.ts';

/** How a box got its credential: at first start, or by an activation code (docs/activation.md). */
export type CredentialKind = 'first-start' | 'activated';

export type CredentialRecord = {
  tokenHash: string;
  kind: CredentialKind;
  householdId: string;
  deviceId: string;
  createdAt: string;
  revokedAt?: string;
  /** Refused from then on: activated credentials live a fixed time; a rotated one keeps a short grace. */
  expiresAt?: string;
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
    await credentials.createIndex({ deviceId: 1 });
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
  async revokeDevice(deviceId: string, at: Date): Promise<number> {
    let count = 0;
    await this.cache.change(
      (_hash, record) => record.deviceId === deviceId,
      async () => {
        count = await this.credentials.updateMany(
          { deviceId, revokedAt: { $exists: false } } as Filter<CredentialDocument>,
          { $set: { revokedAt: at.toISOString() } },
        );
      },
    );
    return count;
  }

  /** The credential stops working at `at` (a rotation's grace period); an earlier expiry stays. */
  async expire(record: CredentialRecord, at: Date): Promise<void> {
    const expiresAt = at.toISOString();
    if (record.expiresAt && record.expiresAt <= expiresAt) return;
    const { tokenHash, ...rest } = record;
    await this.cache.write(
      tokenHash,
      () =>
        this.credentials.updateMany({ _id: tokenHash } as Filter<CredentialDocument>, {
          $set: { expiresAt },
        }),
      { ...rest, tokenHash, expiresAt },
    );
  }

  /** Every credential of a household, revoked ones included (a household has a few boxes). */
  async ofHousehold(householdId: string): Promise<CredentialRecord[]> {
    const docs = await this.credentials.find({ householdId } as Filter<CredentialDocument>);
    return docs.map(({ _id, ...rest }) => ({ ...rest, tokenHash: _id }));
  }

  /** A device's credentials, revoked ones included (a box has a few: rotations). */
  async ofDevice(deviceId: string): Promise<CredentialRecord[]> {
    const docs = await this.credentials.find({ deviceId } as Filter<CredentialDocument>);
    return docs.map(({ _id, ...rest }) => ({ ...rest, tokenHash: _id }));
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
