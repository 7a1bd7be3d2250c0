// The operator dashboards end to end on both backends (the embedded store and a real MongoDB-wire server):
// real stored reports, heartbeats and completions are rolled up (idempotently), read back through the routes
// with k-anonymity (9 households suppressed, 10 shown, complementary cells), as CSV equal to the JSON, by
// every operator role and by no household; the retention purge keeps the rollups.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../src/server.ts';
import { buildFixtureCatalogue } from '../fixtures/catalogue.ts';
import { getJson, OPERATOR_TOKEN, sendJson, startApi } from '../support/api.ts';
import { adminHeaders } from '../support/operators.ts';
import { embeddedBackend, mongoBackend, type Backend } from '../support/backends.ts';
import { DAY, DAY_BEFORE, hh, NOW, seedDashboardData } from '../support/dashboard-seed.ts';

const backends: Backend[] = [embeddedBackend, mongoBackend()];
describe.each(backends)('operator dashboards on the $name store', (backend) => {
  let api: RunningServer;
  let base: string;
  let admin: Record<string, string>;
  const session = async (username: string, role: string) => {
    await sendJson(
      base,
      '/v1/operator/operators',
      'POST',
      { username, password: 'a-long-password-1', role },
      admin,
    );
    const login = await sendJson(base, '/v1/operator/sessions', 'POST', {
      username,
      password: 'a-long-password-1',
    });
    return { authorization: `Bearer ${login.body.token}` };
  };
  const read = (path: string, headers: Record<string, string> = admin) => getJson(base, path, { headers });

  beforeAll(async () => {
    api = await startApi(await backend.open(), buildFixtureCatalogue(NOW), { clock: () => NOW });
    base = api.url;
    await api.rollups.stop(); // the start-up catch-up ran over an empty store; the test rolls up itself
    admin = await adminHeaders(base);
    await seedDashboardData(api);
    await api.rollups.rollUpDay(DAY_BEFORE);
    await api.rollups.rollUpDay(DAY);
  }, 180_000);

  afterAll(async () => {
    await api?.close();
    await backend.shutdown();
  });

  it('rolls the stored records up into cells, the same again when re-run', async () => {
    const learning = await api.stores.dashboards.learningBetween(DAY, DAY);
    const math = learning.filter((cell) => cell.subject === 'math');
    expect(
      math.map((cell) => [cell.grade, cell.views, cell.completions, cell.watchedSeconds]).sort(),
    ).toEqual([
      ['g1', 10, 5, 1200],
      ['g2', 10, 0, 1200],
    ]);
    const chinese = learning.find((cell) => cell.subject === 'chinese')!;
    expect(chinese).toMatchObject({ region: 'jx', county: 'qingshan', stage: 'primary', views: 9 });
    expect(chinese.households.count).toBe(9);
    expect(chinese.households.ids).toHaveLength(9);
    expect(chinese.households.ids.join()).not.toContain('hh-');
    const qoe = await api.stores.dashboards.qoeBetween(DAY, DAY);
    expect(qoe.map((cell) => `${cell.carrier}/${cell.model}/${cell.codec}:${cell.sessions}`).sort()).toEqual([
      'cmcc/M1/avc:10',
      'ctcc/M1/avc:3',
      'unknown/unknown/avc:12',
    ]);
    await api.rollups.rollUpDay(DAY);
    expect(await api.stores.dashboards.learningBetween(DAY, DAY)).toEqual(
      expect.arrayContaining(learning.map((cell) => expect.objectContaining(cell))),
    );
    expect((await api.stores.dashboards.learningBetween(DAY, DAY)).length).toBe(learning.length);
  });

  it('suppresses 9 households, shows 10, and hides a complementary cell', async () => {
    const bySubject = await read(
      `/v1/operator/dashboards/learning?from=${DAY_BEFORE}&to=${DAY}&groupBy=subject`,
    );
    expect(bySubject.status).toBe(200);
    const cells = Object.fromEntries(bySubject.body.cells.map((cell: { key: string }) => [cell.key, cell]));
    // chinese: the same 9 households on two days stay 9, suppressed.
    expect(cells.chinese).toMatchObject({ suppressed: true, views: null, minutes: null });
    // physics has 10 households, but shown it would let total − math − physics reveal chinese.
    expect(cells.physics).toMatchObject({ suppressed: true, views: null });
    expect(cells.math).toMatchObject({ suppressed: false, views: 20, completions: 5, minutes: 40 });
    expect(bySubject.body.total).toMatchObject({ suppressed: false, views: 48, minutes: 96 });
    const byStage = await read(`/v1/operator/dashboards/learning?from=${DAY}&to=${DAY}&groupBy=stage`);
    expect(byStage.body.cells).toEqual([
      expect.objectContaining({ key: 'primary', suppressed: false, views: 29 }),
      expect.objectContaining({ key: 'senior', suppressed: false, views: 10 }),
    ]);
  });

  it('answers QoE figures from the histogram and sums, small carriers suppressed', async () => {
    const byDay = await read(`/v1/operator/dashboards/qoe?from=${DAY}&to=${DAY}&region=jx`);
    const [day] = byDay.body.cells;
    expect(day).toMatchObject({
      key: DAY,
      suppressed: false,
      sessions: 25,
      errorSessions: 1,
      stallRatio: 0.0333,
    });
    expect(day.errors).toEqual({ '3016': 1 });
    expect(day.averageBitrate).toBe(Math.round((25 * 2_000_000 + 25 * 1_000_000) / 50));
    expect(day.ttffP50Ms).toBeGreaterThan(750);
    expect(day.ttffP50Ms).toBeLessThanOrEqual(1000);
    expect(day.ttffP95Ms).toBeGreaterThan(1000);
    expect(day.ttffP95Ms).toBeLessThanOrEqual(1500);
    const byCarrier = await read(`/v1/operator/dashboards/qoe?from=${DAY}&to=${DAY}&groupBy=carrier`);
    const carriers = Object.fromEntries(
      byCarrier.body.cells.map((cell: { key: string }) => [cell.key, cell]),
    );
    expect(carriers.ctcc.suppressed).toBe(true);
    expect(carriers.cmcc.suppressed).toBe(true); // the smallest shown cell, hidden with ctcc
    expect(carriers.unknown).toMatchObject({ suppressed: false, sessions: 12 });
  });

  it('exports exactly the JSON cells as CSV, suppressed cells blank and marked', async () => {
    const path = `/v1/operator/dashboards/learning?from=${DAY_BEFORE}&to=${DAY}&groupBy=subject`;
    const json = (await read(path)).body;
    const response = await fetch(`${base}${path}&format=csv`, { headers: admin });
    expect(response.headers.get('content-type')).toMatch(/^text\/csv/);
    const rows = (await response.text())
      .trim()
      .split('\n')
      .map((line) => line.split(','));
    expect(rows[0]).toEqual(['subject', 'suppressed', 'views', 'completions', 'completionRate', 'minutes']);
    const expected = [...json.cells, json.total].map((cell) => [
      cell.key,
      cell.suppressed ? 'suppressed: fewer than 10 households' : '',
      ...['views', 'completions', 'completionRate', 'minutes'].map((field) =>
        cell[field] === null ? '' : String(cell[field]),
      ),
    ]);
    expect(rows.slice(1)).toEqual(expected);
  });

  it('gives the county at a glance in one answer', async () => {
    const county = await read(
      `/v1/operator/dashboards/county?region=jx&county=qingshan&from=${DAY}&to=${DAY}`,
    );
    expect(county.status).toBe(200);
    expect(county.body.byDay.cells).toEqual([expect.objectContaining({ key: DAY, views: 39 })]);
    expect(county.body.byGrade.cells.map((cell: { key: string }) => cell.key)).toEqual([
      'g1',
      'g2',
      'unknown',
    ]);
    expect(county.body.bySubject.total.suppressed).toBe(false);
    const csv = await fetch(
      `${base}/v1/operator/dashboards/county?region=jx&county=qingshan&from=${DAY}&to=${DAY}&format=csv`,
      { headers: admin },
    );
    expect((await csv.text()).split('\n')[0]).toBe(
      'chart,key,suppressed,views,completions,completionRate,minutes',
    );
  });

  it('lets every operator role read, and no household or service token', async () => {
    const path = `/v1/operator/dashboards/qoe?from=${DAY}&to=${DAY}`;
    for (const role of ['viewer', 'curator']) {
      expect((await read(path, await session(`dash-${role}`, role))).status).toBe(200);
    }
    const box = await sendJson(base, '/v1/households', 'POST', { region: 'jx' });
    expect((await read(path, { authorization: `Bearer ${box.body.token}` })).status).toBe(401);
    expect((await read(path, { authorization: `Bearer ${OPERATOR_TOKEN}` })).status).toBe(403);
    expect((await read(path, {})).status).toBe(401);
    const bad = await read(`/v1/operator/dashboards/qoe?from=${DAY}&to=2026-01-01&groupBy=planet`);
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body.error.details)).toMatch(/groupBy/);
  });

  it('stamps a box report with its household, region and local day', async () => {
    const box = await sendJson(base, '/v1/households', 'POST', { region: 'gd' });
    const sent = await sendJson(
      base,
      '/v1/events',
      'POST',
      { kind: 'playback', deviceModel: 'Hi3798 MV300', carrier: 'cucc', stats: { timeToFirstFrameMs: 900 } },
      { authorization: `Bearer ${box.body.token}` },
    );
    expect(sent.status).toBe(202);
    const stored = (await api.stores.events.ofDay('2026-12-06')).find((event) => event.carrier === 'cucc');
    expect(stored).toMatchObject({
      householdId: box.body.household.id,
      region: 'gd',
      deviceModel: 'Hi3798 MV300',
      day: '2026-12-06',
    });
  });

  it('purges raw reports past the retention and keeps their rollups', async () => {
    const old = '2026-08-01';
    await api.stores.events.add({
      deviceId: 'box-old',
      householdId: hh(1),
      day: old,
      kind: 'playback',
      stats: { timeToFirstFrameMs: 500 },
      receivedAt: `${old}T02:00:00Z`,
    });
    await api.stores.dashboards.replaceQoeDay(old, []);
    const kept = await api.stores.dashboards.qoeBetween(DAY, DAY);
    expect((await api.retention.purge()).events).toBeGreaterThanOrEqual(1);
    expect(await api.stores.events.ofDay(old)).toEqual([]);
    expect(await api.stores.dashboards.qoeBetween(DAY, DAY)).toEqual(kept);
    await expect(api.rollups.rollUpDay(old)).rejects.toThrow(/older than the event retention/);
  });
});
