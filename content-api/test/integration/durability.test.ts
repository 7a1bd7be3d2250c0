import { afterAll, describe, expect, it } from 'vitest';
import { openStore } from '../../src/db/open-store.ts';
import { writeCatalogue } from '../../src/services/catalogue-writer.ts';
import { createStores, ensureIndexes } from '../../src/stores/stores.ts';
import { buildFixtureCatalogue } from '../fixtures/catalogue.ts';
import type { Heartbeat } from '../../src/schemas/progress.schema.ts';
import { sendJson } from '../support/api.ts';
import { spawnApi } from '../support/api-process.ts';
import { heartbeat, newHousehold } from '../support/family.ts';
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

  it('survive a kill -9 of the API process, even with heartbeats in flight', async () => {
    const storage = await backend.open();
    await seed(storage);
    const env = { KETANG_DATA_DIR: storage.dataDir, MONGODB_URI: storage.mongodbUri };
    const first = await spawnApi(env);
    const box = await newHousehold(first.url);
    const profileIds: string[] = [];
    for (const name of ['一', '二', '三', '四']) {
      const created = await sendJson(
        first.url,
        '/v1/household/profiles',
        'POST',
        { name, avatar: 'frog', gradeId: 'g1' },
        box.headers,
      );
      profileIds.push(created.body.id);
    }
    const acknowledged: Heartbeat[] = [];
    let killed: Promise<void> | undefined;
    // Heartbeats go out several at a time (one profile per writer, so they batch together); the process dies
    // mid-stream, without any chance to flush or close.
    const writers = profileIds.map(async (profileId) => {
      for (let index = 0; index < WRITES / profileIds.length && !killed; index += 1) {
        const sent = heartbeat(profileId, 'l-shapes', { watchedSeconds: 1, positionSeconds: index });
        const response = await fetch(`${first.url}/v1/household/heartbeats`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...box.headers },
          body: JSON.stringify({ heartbeats: [sent] }),
        }).catch(() => undefined);
        if (response?.ok) acknowledged.push(sent);
        if (acknowledged.length >= KILL_AFTER_ACKS) killed ??= first.kill('SIGKILL');
      }
    });
    await Promise.all(writers);
    await killed;
    expect(first.child.signalCode).toBe('SIGKILL');
    expect(acknowledged.length).toBeGreaterThanOrEqual(KILL_AFTER_ACKS);

    const second = await spawnApi(env);
    try {
      for (const profileId of profileIds) {
        const mine = acknowledged.filter((sent) => sent.profileId === profileId);
        const response = await fetch(`${second.url}/v1/household/profiles/${profileId}/progress`, {
          headers: box.headers,
        });
        const { items } = (await response.json()) as { items: { watchedSeconds: number }[] };
        expect(
          items[0]?.watchedSeconds ?? 0,
          `${mine.length} heartbeats acknowledged`,
        ).toBeGreaterThanOrEqual(mine.length);
      }
      // Every acknowledged heartbeat id is durable too: sent again, each is a duplicate.
      for (let start = 0; start < acknowledged.length; start += 50) {
        const again = await sendJson(
          second.url,
          '/v1/household/heartbeats',
          'POST',
          { heartbeats: acknowledged.slice(start, start + 50) },
          box.headers,
        );
        expect(again.body).toMatchObject({
          accepted: 0,
          duplicates: Math.min(50, acknowledged.length - start),
        });
      }
    } finally {
      await second.kill('SIGTERM');
    }
  }, 90_000);
});
