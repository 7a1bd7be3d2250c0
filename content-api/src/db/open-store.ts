import type { DocumentStore } from './document-store.ts';
import { openEmbeddedStore } from './embedded-store.ts';
import { openMongoStore } from './mongo-store.ts';

export type StoreConfig = { mongodbUri?: string; dataDir: string };

/** MONGODB_URI selects MongoDB (or FerretDB); without it the embedded store keeps data in the data directory. */
export function openStore(config: StoreConfig): Promise<DocumentStore> {
  return config.mongodbUri ? openMongoStore(config.mongodbUri) : openEmbeddedStore(config.dataDir);
}
