// A backend's document store opened with the API's indexes, and the stores over it: what store-level
// integration tests start from on each backend.
import type { DocumentStore } from '../../src/db/document-store.ts';
import { openStore } from '../../src/db/open-store.ts';
import { createStores, ensureIndexes, type Stores } from '../../src/stores/stores.ts';
import type { Backend } from './backends.ts';

export async function openBackendStores(backend: Backend): Promise<{ store: DocumentStore; stores: Stores }> {
  const store = await openStore(await backend.open());
  await ensureIndexes(store);
  return { store, stores: createStores(store) };
}
