// The audit log's filters (who, action, UTC days) and cursor paging run in the store, on both backends, through
// `GET /v1/operator/audit`; bad filters answer 400 naming the query field (docs/operator-api.md#audit).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../../src/db/open-store.ts';
import type { RunningServer } from '../../src/server.ts';
import { ensureIndexes } from '../../src/stores/stores.ts';
import { getJson, startApi } from '../support/api.ts';
import { embeddedBackend, mongoBackend, type Backend } from '../support/backends.ts';
import { bearer, operatorTokens } from '../support/operators.ts';

const backends: Backend[] = [embeddedBackend, mongoBackend()];

/** Seven records over three days; two share an instant, so only the id orders them. */
const RECORDS = [
  { _id: 'a1', at: '2026-11-01T08:00:00.000Z', actor: 'ann', action: 'release.publish', target: 'r:1' },
  { _id: 'a2', at: '2026-11-01T23:59:59.999Z', actor: 'bo', action: 'curation.rule', target: 'l:1' },
  { _id: 'a3', at: '2026-11-02T10:00:00.000Z', actor: 'ann', action: 'curation.rule', target: 'l:2' },
  { _id: 'a4', at: '2026-11-02T10:00:00.000Z', actor: 'ann', action: 'curation.rule', target: 'l:3' },
  { _id: 'a5', at: '2026-11-02T12:00:00.000Z', actor: 'bo', action: 'release.publish', target: 'r:2' },
  { _id: 'a6', at: '2026-11-03T00:00:00.000Z', actor: 'ann', action: 'curation.rule', target: 'l:4' },
  { _id: 'a7', at: '2026-11-03T09:00:00.000Z', actor: 'ann', action: 'release.publish', target: 'r:3' },
];

describe.each(backends)('the audit log query on the $name store', (backend) => {
  let api: RunningServer;
  let admin: Record<string, string>;
  const audit = async (query: string) => {
    const { status, body } = await getJson(api.url, `/v1/operator/audit?${query}`, { headers: admin });
    return { status, body, ids: status === 200 ? (body.items as { id: string }[]).map((r) => r.id) : [] };
  };

  beforeAll(async () => {
    const storage = await backend.open();
    const store = await openStore(storage);
    await ensureIndexes(store);
    await store.collection('audit').upsertMany(RECORDS);
    await store.close();
    api = await startApi(storage);
    admin = bearer((await operatorTokens(api.url, [])).admin!);
  }, 120_000);

  afterAll(async () => {
    await api?.close();
    await backend.shutdown();
  });

  it('filters by action and by UTC days, inclusive, newest first', async () => {
    const byDay = await audit('from=2026-11-01&to=2026-11-02&actor=ann');
    expect(byDay.ids).toEqual(['a4', 'a3', 'a1']);
    expect((await audit('action=release.publish&from=2026-11-02')).ids).toEqual(['a7', 'a5']);
    expect((await audit('action=curation.rule&to=2026-11-01')).ids).toEqual(['a2']);
    expect((await audit('from=2026-11-03&to=2026-11-03&action=curation.rule')).ids).toEqual(['a6']);
  });

  it('pages with the cursor: every record once, in order, even two of the same instant', async () => {
    const seen: string[] = [];
    let query = 'limit=2&from=2026-11-01&to=2026-11-03';
    for (let page = 0; page < 10; page += 1) {
      const { status, body, ids } = await audit(query);
      expect(status).toBe(200);
      seen.push(...ids);
      if (!body.next) break;
      expect(ids).toHaveLength(2);
      query = `limit=2&from=2026-11-01&to=2026-11-03&cursor=${encodeURIComponent(body.next)}`;
    }
    expect(seen).toEqual(['a7', 'a6', 'a5', 'a4', 'a3', 'a2', 'a1']);
    expect((await audit('limit=7&from=2026-11-01&to=2026-11-03')).body.next).toBeUndefined();
  });

  it('refuses a bad day, a range ending before it starts and a made-up cursor, naming the field', async () => {
    for (const [query, path] of [
      ['from=2026-13-01', 'from'],
      ['from=2026-11-03&to=2026-11-01', 'to'],
      ['cursor=yesterday', 'cursor'],
    ]) {
      const { status, body } = await audit(query!);
      expect(status, query).toBe(400);
      expect(body.error.details.map((detail: { path: string }) => detail.path)).toContain(path);
    }
  });
});
