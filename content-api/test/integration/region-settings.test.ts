import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../src/server.ts';
import { buildFixtureCatalogue } from '../fixtures/catalogue.ts';
import { getJson, sendJson, startApi } from '../support/api.ts';
import { adminHeaders } from '../support/operators.ts';
import { embeddedBackend, mongoBackend, type Backend } from '../support/backends.ts';

const backends: Backend[] = [embeddedBackend, mongoBackend()];
const calendar = {
  terms: [
    { start: '2026-09-01', end: '2027-01-22' },
    { start: '2027-02-22', end: '2027-07-02' },
  ],
  holidays: [{ start: '2026-10-01', end: '2026-10-07' }],
};

describe.each(backends)('region settings families read, on the $name store', (backend) => {
  let api: RunningServer;
  let admin: Record<string, string>;
  const put = (region: string, body: unknown) =>
    sendJson(api.url, `/v1/operator/regions/${region}/settings`, 'PUT', body, admin);
  const read = async (region: string) =>
    (await getJson(api.url, `/v1/operator/regions/${region}/settings`, { headers: admin })).body;

  beforeAll(async () => {
    api = await startApi(await backend.open(), buildFixtureCatalogue());
    admin = await adminHeaders(api.url);
  }, 60_000);

  afterAll(async () => {
    await api?.close();
    await backend.shutdown();
  });

  it('starts from the built-in national calendar and no usual editions', async () => {
    const state = await read('jx');
    expect(state.settings).toEqual({ region: 'jx' });
    expect(state.family.calendarSource).toBe('built-in');
    expect(state.family.schoolCalendar.terms).toContainEqual({ start: '2026-09-01', end: '2027-01-20' });
    expect(state.family.usualEditions).toEqual({});
    expect((await getJson(api.url, '/v1/operator/regions/jx/settings')).status).toBe(401);
  });

  it('stores usual editions and a calendar, audited; a region overrides the national ones per subject', async () => {
    expect(
      (await put('national', { usualEditions: { primary: { math: 'bnu', chinese: 'pep' } } })).status,
    ).toBe(200);
    const saved = await put('jx', { usualEditions: { primary: { math: 'pep' } }, schoolCalendar: calendar });
    expect(saved.status).toBe(200);
    expect(saved.body).toEqual({
      region: 'jx',
      usualEditions: { primary: { math: 'pep' } },
      schoolCalendar: calendar,
    });
    const state = await read('jx');
    expect(state.family).toMatchObject({
      calendarSource: 'region',
      schoolCalendar: calendar,
      usualEditions: { primary: { math: 'pep', chinese: 'pep' } },
    });
    expect((await read('gd')).family).toMatchObject({
      calendarSource: 'built-in',
      usualEditions: { primary: { math: 'bnu', chinese: 'pep' } },
    });
    const audit = await getJson(api.url, '/v1/operator/audit?limit=1', { headers: admin });
    expect(audit.body.items[0]).toMatchObject({
      action: 'region.settings',
      target: 'region:jx',
      actor: 'admin',
    });
    expect(audit.body.items[0].after.schoolCalendar).toEqual(calendar);
    // Other settings stay as they were; null gives the field back to the national setting.
    await put('jx', { approvalRequired: true });
    expect((await read('jx')).settings.schoolCalendar).toEqual(calendar);
    await put('jx', { schoolCalendar: null });
    expect((await read('jx')).family.calendarSource).toBe('built-in');
    await put('jx', { schoolCalendar: calendar, approvalRequired: false });
  });

  it('leaves what devices see to the national curation when a region sets only family settings', async () => {
    const lessonsIn = async (region: string) =>
      (await getJson(api.url, `/v1/lessons?region=${region}&limit=100`)).body.items.length as number;
    // Approval is curation: a draft until a release of the region publishes it (issue 13).
    const publish = async (region: string) =>
      expect(
        (await sendJson(api.url, `/v1/operator/regions/${region}/releases`, 'POST', {}, admin)).status,
      ).toBe(201);
    await put('hb', { schoolCalendar: calendar });
    await put('national', { approvalRequired: true });
    expect(await lessonsIn('national')).toBeGreaterThan(0);
    await publish('national');
    expect(await lessonsIn('national')).toBe(0);
    expect(await lessonsIn('hb')).toBe(0);
    // A region's own approval setting still decides for it.
    await put('hb', { approvalRequired: false });
    await publish('hb');
    expect(await lessonsIn('hb')).toBeGreaterThan(0);
    await put('national', { approvalRequired: false });
    await publish('national');
    expect(await lessonsIn('national')).toBeGreaterThan(0);
  });

  it('answers 400 naming the field for unreal dates and disordered terms, 404 for unknown facets, and writes nothing', async () => {
    const before = await read('jx');
    const cases: [unknown, string[], number?][] = [
      [
        { schoolCalendar: { terms: [{ start: '2026-02-30', end: '2026-07-01' }] } },
        ['body.schoolCalendar.terms.0.start'],
      ],
      [
        { schoolCalendar: { terms: [{ start: '2026-09-01', end: '2026-08-01' }] } },
        ['body.schoolCalendar.terms.0.end'],
      ],
      [
        {
          schoolCalendar: {
            terms: [
              { start: '2026-09-01', end: '2027-01-22' },
              { start: '2027-01-10', end: '2027-07-01' },
            ],
          },
        },
        ['body.schoolCalendar.terms.1.start'],
      ],
      [{ schoolCalendar: { terms: [] } }, ['body.schoolCalendar.terms']],
      [
        {
          usualEditions: { primary: { math: 'no-such-edition', art: 'pep' }, moon: {} },
          approvalRequired: true,
        },
        ['body.usualEditions.primary.math', 'body.usualEditions.primary.art', 'body.usualEditions.moon'],
        404, // well-formed, naming ids the catalogue does not have
      ],
      // An edition id where a subject belongs is the wrong kind of facet.
      [{ usualEditions: { primary: { pep: 'pep' } } }, ['body.usualEditions.primary.pep'], 404],
    ];
    for (const [body, paths, status = 400] of cases) {
      const answer = await put('jx', body);
      expect(answer.status, JSON.stringify(body)).toBe(status);
      expect(answer.body.error.details.map((detail: { path: string }) => detail.path).sort()).toEqual(
        [...paths].sort(),
      );
      expect(answer.body.error.message).toContain(paths[0]);
    }
    expect(await read('jx')).toEqual(before);
  });
});
