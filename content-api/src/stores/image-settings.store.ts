import { randomBytes } from 'node:crypto';
import type { DocumentCollection, Filter } from '../db/document-store.ts';

/** Operator-set image hosts and the key that signs the API's image URLs (shared by every API instance). */
export type ImageSettings = { allowedHosts: string[]; signingKey: string };
type ImageSettingsDocument = ImageSettings & { _id: string };
const SETTINGS = 'images';

export class ImageSettingsStore {
  constructor(private readonly settings: DocumentCollection<ImageSettingsDocument>) {}

  /** The settings, created with an empty allow-list and a fresh key on first use. */
  async read(): Promise<ImageSettings> {
    const doc = await this.settings.findOne({ _id: SETTINGS } as Filter<ImageSettingsDocument>);
    if (doc) return { allowedHosts: doc.allowedHosts, signingKey: doc.signingKey };
    await this.settings.upsertMany([
      { _id: SETTINGS, allowedHosts: [], signingKey: randomBytes(32).toString('base64url') },
    ]);
    // Read back: when two instances start at once, both use whichever key was stored last.
    const stored = await this.settings.findOne({ _id: SETTINGS } as Filter<ImageSettingsDocument>);
    return { allowedHosts: stored!.allowedHosts, signingKey: stored!.signingKey };
  }

  async putAllowedHosts(allowedHosts: string[]): Promise<void> {
    const current = await this.read();
    await this.settings.upsertMany([{ _id: SETTINGS, ...current, allowedHosts }]);
  }
}
