import { afterAll, describe, expect, it } from 'vitest';
import { openStore } from '../../src/db/open-store.ts';
import { writeCatalogue } from '../../src/services/catalogue-writer.ts';
import { createStores, ensureIndexes } from '../../src/stores/stores.ts';
import { buildFixtureCatalogue } from '../fixtures/catalogue.ts';
import { spawnApi } from '../support/api-process.ts';
import { embeddedBackend, mongoBackend, type Backend } from '../support/backends.ts';

const backends: Backend[] = [embeddedBackend, mongoBackend()];
const WRITES = 120;
const KILL_AFTER_ACKS = 60;

async function seed(storage: { mongodbUri?: string; dataDir: string }): Promise<void> {
  const backend = await openStore(storage);
  await ensureIndexes(backend);
  await writeCatalogue(createStores(backend), buildFixtureCatalogue());
  await backend.close();
}

describe.each(backends)('acknowledged writes on the $name store', (backend) => {
  afterAll(() => backend.shutdown());

  it('survive a kill -9 of the API process, even with writes in flight', async () => {
    const storage = await backend.open();
    await seed(storage);
    const env = { KETANG_DATA_DIR: storage.dataDir, MONGODB_URI: storage.mongodbUri };
    const first = await spawnApi(env);
    const acknowledged: number[] = [];
    let killed: Promise<void> | undefined;
    // Writes go out several at a time; the process dies mid-stream, without any chance to flush or close.
    const writers = Array.from({ length: 4 }, async (_, worker) => {
      for (let index = worker; index < WRITES && !killed; index += 4) {
        const response = await fetch(
          `${first.url}/v1/devices/box-${String(index).padStart(4, '0')}/progress/l-shapes`,
          {
            method: 'PUT',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ positionSeconds: index, durationSeconds: 30 }),
          },
        ).catch(() => undefined);
        if (response?.ok) acknowledged.push(index);
        if (acknowledged.length >= KILL_AFTER_ACKS) killed ??= first.kill('SIGKILL');
      }
    });
    await Promise.all(writers);
    await killed;
    expect(first.child.signalCode).toBe('SIGKILL');
    expect(acknowledged.length).toBeGreaterThanOrEqual(KILL_AFTER_ACKS);

    const second = await spawnApi(env);
    try {
      for (const index of acknowledged) {
        const response = await fetch(
          `${second.url}/v1/devices/box-${String(index).padStart(4, '0')}/progress`,
        );
        const body = (await response.json()) as { items: unknown[] };
        expect(body.items, `write ${index} was acknowledged`).toEqual([
          expect.objectContaining({ lessonId: 'l-shapes', positionSeconds: index }),
        ]);
      }
    } finally {
      await second.kill('SIGTERM');
    }
  }, 90_000);
});
