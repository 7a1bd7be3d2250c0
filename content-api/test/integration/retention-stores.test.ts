// The stores behind the login lockout and event retention, on both backends (the embedded store and a real
// MongoDB-wire server): lock records round-trip and purge only when stale and unlocked; old events and
// heartbeats go on the retention schedule.
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DocumentStore } from '../../src/db/document-store.ts';
import { RetentionService } from '../../src/services/retention.service.ts';
import type { Stores } from '../../src/stores/stores.ts';
import { openBackendStores } from '../support/backend-stores.ts';
import { embeddedBackend, mongoBackend, type Backend } from '../support/backends.ts';

const backends: Backend[] = [embeddedBackend, mongoBackend()];
const DAY = 86_400_000;
const iso = (ms: number) => new Date(ms).toISOString();

describe.each(backends)('retention and lockout stores on the $name store', (backend) => {
  let store: DocumentStore;
  let stores: Stores;

  beforeAll(async () => {
    ({ store, stores } = await openBackendStores(backend));
  }, 120_000);

  afterAll(async () => {
    await store?.close();
    await backend.shutdown();
  });

  it('keeps a lock record until it is stale and unlocked', async () => {
    const now = Date.now();
    await stores.loginFailures.put({ username: 'fresh', failures: 2, lastAt: iso(now) });
    await stores.loginFailures.put({ username: 'stale', failures: 2, lastAt: iso(now - 2 * DAY) });
    await stores.loginFailures.put({
      username: 'locked',
      failures: 5,
      lastAt: iso(now - 2 * DAY),
      lockedUntil: iso(now + DAY),
    });
    expect(await stores.loginFailures.get('locked')).toMatchObject({
      failures: 5,
      lockedUntil: iso(now + DAY),
    });
    expect(await stores.loginFailures.purge(iso(now - DAY), iso(now))).toBe(1);
    expect(await stores.loginFailures.get('stale')).toBeNull();
    expect(await stores.loginFailures.get('fresh')).not.toBeNull();
    expect(await stores.loginFailures.get('locked')).not.toBeNull();
    await stores.loginFailures.clear('fresh');
    expect(await stores.loginFailures.get('fresh')).toBeNull();
  });

  it('purges events received before the cut-off, and only those', async () => {
    const now = Date.now();
    for (const age of [100, 91, 89, 1])
      await stores.events.add({
        deviceId: 'd1',
        kind: 'playback',
        stats: {},
        receivedAt: iso(now - age * DAY),
      });
    expect(await stores.events.purgeBefore(iso(now - 90 * DAY))).toBe(2);
    expect((await stores.events.forDevice('d1')).length).toBe(2);
  });

  it('purges heartbeats of local dates past the window with the events; newer ids still mark a resend', async () => {
    const now = Date.parse('2026-06-30T12:00:00Z');
    const heartbeat = (id: string, ageDays: number) => ({
      id,
      householdId: 'hh-r',
      profileId: 'p-r',
      lessonId: 'l1',
      watchedSeconds: 30,
      date: iso(now - ageDays * DAY).slice(0, 10),
      receivedAt: iso(now - ageDays * DAY),
    });
    await stores.heartbeats.saveMany([heartbeat('old', 120), heartbeat('edge', 89), heartbeat('new', 1)]);
    await stores.events.add({
      deviceId: 'd-r',
      kind: 'playback',
      stats: {},
      receivedAt: iso(now - 120 * DAY),
    });
    const retention = new RetentionService(stores, pino({ level: 'silent' }), {
      eventRetentionDays: 90,
      clock: () => new Date(now),
    });
    expect(await retention.purge()).toMatchObject({ heartbeats: 1, events: 1 });
    const pairs = ['old', 'edge', 'new'].map((id) => ({ profileId: 'p-r', id }));
    expect([...(await stores.heartbeats.seen(pairs))].sort()).toEqual(['p-r|edge', 'p-r|new']);
    expect(await retention.purge()).toMatchObject({ heartbeats: 0, events: 0 });
  });
});
