import { randomBytes } from 'node:crypto';
import type { DocumentCollection, Filter } from '../db/document-store.ts';

type SecretDocument = { _id: string; value: string; createdAt: string };
const FAMILY_SECRET = 'family-secret';

/** The server's signing secret for phone links when none is configured: generated once, kept in `meta`. */
export class SecretStore {
  constructor(private readonly meta: DocumentCollection<SecretDocument>) {}

  async familySecret(): Promise<string> {
    const existing = await this.meta.findOne({ _id: FAMILY_SECRET } as Filter<SecretDocument>);
    if (existing) return existing.value;
    const value = randomBytes(32).toString('base64url');
    await this.meta.upsertMany([{ _id: FAMILY_SECRET, value, createdAt: new Date().toISOString() }]);
    return value;
  }
}
