import { afterAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../src/server.ts';
import { buildFixtureCatalogue } from '../fixtures/catalogue.ts';
import { getJson, startApi } from '../support/api.ts';
import { startFerretDb, type FerretDb } from '../../../tools/ferretdb/ferretdb-server.ts';

async function waitFor(check: () => Promise<boolean>, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return true;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return false;
}

describe('a MongoDB server that goes away', () => {
  let ferret: FerretDb;
  let api: RunningServer;

  afterAll(async () => {
    await api?.close();
    await ferret?.remove();
  });

  it('gets 503 with Retry-After while it is down, and the API recovers by itself', async () => {
    ferret = await startFerretDb();
    api = await startApi(
      { mongodbUri: `${ferret.uri}ketang_outage`, dataDir: ferret.dataDir },
      buildFixtureCatalogue(),
    );
    expect((await getJson(api.url, '/v1/channels/ch-g1/now')).status).toBe(200);

    await ferret.stop();
    const down = await getJson(api.url, '/v1/channels/ch-g1/now');
    expect(down.status).toBe(503);
    expect(down.headers.get('retry-after')).toMatch(/^\d+$/);
    expect(down.body.error.code).toBe('store_unavailable');
    expect((await getJson(api.url, '/readyz')).status).toBe(503);
    expect((await getJson(api.url, '/healthz')).status).toBe(200);
    // Catalogue reads already answered stay available from the per-revision cache.
    expect((await getJson(api.url, '/v1/facets')).status).toBe(200);

    ferret = await startFerretDb({ port: ferret.port, dataDir: ferret.dataDir });
    const recovered = await waitFor(
      async () => (await getJson(api.url, '/v1/channels/ch-g1/now')).status === 200,
      30_000,
    );
    expect(recovered).toBe(true);
    expect((await getJson(api.url, '/readyz')).status).toBe(200);
  }, 90_000);
});
