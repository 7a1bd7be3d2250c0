import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../src/server.ts';
import { buildFixtureCatalogue } from '../fixtures/catalogue.ts';
import { getJson, sendJson, startApi } from '../support/api.ts';
import { embeddedBackend, mongoBackend, type Backend } from '../support/backends.ts';
import { bearer, operatorTokens } from '../support/operators.ts';

const backends: Backend[] = [embeddedBackend, mongoBackend()];
// Monday 7 December 2026, 08:05 in Asia/Shanghai.
const START = new Date('2026-12-07T00:05:00Z');
const REGION = '/v1/operator/regions/jx';
const TIMETABLE = '/v1/channels/ch-g1/timetable?region=jx&date=2026-12-07';

/** Publishing, scheduling and rolling back a region's timetable, as the region's boxes see it (issue 13). */
describe.each(backends)('releases on the $name store', (backend) => {
  let api: RunningServer;
  let now = START;
  let headers: Record<string, string>;
  const lessonsOn = async (path = TIMETABLE, extra: Record<string, string> = {}) => {
    const answer = await getJson(api.url, path, { headers: extra });
    expect(answer.status).toBe(200);
    return {
      lessons: (answer.body.slots as { lesson: { id: string } }[]).map((slot) => slot.lesson.id),
      etag: answer.headers.get('etag'),
      cacheControl: answer.headers.get('cache-control'),
    };
  };
  const writeMonday = (slots: { start: string; lessonId: string }[]) =>
    sendJson(
      api.url,
      `${REGION}/draft/channels/ch-g1/slots`,
      'PUT',
      { from: '2026-12-07', days: 1, slots },
      headers,
    );
  const publish = (body: Record<string, unknown> = {}) =>
    sendJson(api.url, `${REGION}/releases`, 'POST', body, headers);

  beforeAll(async () => {
    api = await startApi(await backend.open(), buildFixtureCatalogue(START), { clock: () => now });
    headers = bearer((await operatorTokens(api.url, ['scheduler'])).scheduler!);
  }, 120_000);
  afterAll(async () => {
    await api?.close();
    await backend.shutdown();
  });

  it('shows boxes a new timetable once published, and the old one after a rollback', async () => {
    const catalogue = await lessonsOn();
    expect(catalogue.lessons).toHaveLength(12); // the fixture's slots from 05:00 to 11:00 on 7 December
    expect((await writeMonday([{ start: '2026-12-07T08:00:00+08:00', lessonId: 'l-shapes' }])).status).toBe(
      200,
    );
    expect((await lessonsOn()).lessons).toEqual(catalogue.lessons); // a draft is not seen

    const first = await publish({ note: 'week 50' });
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({
      version: 1,
      region: 'jx',
      carrier: 'all',
      createdBy: 'scheduler',
      note: 'week 50',
      counts: { channels: 1 },
      state: 'current',
    });
    const v1 = await lessonsOn();
    expect(v1.lessons).toEqual(['l-shapes']);
    expect(v1.etag).not.toBe(catalogue.etag);
    // A box of another carrier falls back to the region's; another region to the catalogue's channels.
    expect((await lessonsOn(`${TIMETABLE}&carrier=cmcc`)).lessons).toEqual(['l-shapes']);
    expect((await lessonsOn(TIMETABLE.replace('jx', 'gd'))).lessons).toEqual(catalogue.lessons);
    const listed = await getJson(api.url, '/v1/channels?region=jx');
    expect(listed.body.items[0].now.lesson.id).toBe('l-shapes');
    const home = await getJson(api.url, '/v1/home?region=jx');
    expect(
      home.body.rails.find((rail: { kind: string }) => rail.kind === 'channels').items[0].now.lesson.id,
    ).toBe('l-shapes');

    await writeMonday([{ start: '2026-12-07T08:00:00+08:00', lessonId: 'l-add-10' }]);
    expect((await publish()).body).toMatchObject({ version: 2, state: 'current' });
    expect((await lessonsOn()).lessons).toEqual(['l-add-10']);
    expect((await getJson(api.url, '/v1/channels/ch-g1/now?region=jx')).body.now.lesson.id).toBe('l-add-10');

    const rollback = await sendJson(api.url, `${REGION}/releases/1/rollback`, 'POST', {}, headers);
    expect(rollback.status).toBe(201);
    expect(rollback.body).toMatchObject({ version: 3, rolledBackFrom: 2, restores: 1, state: 'current' });
    const back = await lessonsOn();
    expect(back.lessons).toEqual(['l-shapes']);
    expect(back.etag).toBe(v1.etag);
    const list = await getJson(api.url, `${REGION}/releases`, { headers });
    expect(list.body.current).toBe(3);
    expect(
      list.body.items.map((item: { version: number; state: string }) => [item.version, item.state]),
    ).toEqual([
      [3, 'current'],
      [2, 'past'],
      [1, 'past'],
    ]);
    const detail = await getJson(api.url, `${REGION}/releases/2`, { headers });
    expect(detail.body.channels[0].slots.map((slot: { lessonId: string }) => slot.lessonId)).toContain(
      'l-add-10',
    );
  });

  it('audits publishing and rolling back with the versions before and after', async () => {
    const token = (await operatorTokens(api.url, [])).admin!;
    const audit = await getJson(api.url, '/v1/operator/audit?limit=50', { headers: bearer(token) });
    const actions = (audit.body.items as { action: string; before: unknown; after: unknown }[]).filter(
      (entry) => entry.action.startsWith('release.'),
    );
    expect(actions.map((entry) => entry.action)).toEqual([
      'release.rollback',
      'release.publish',
      'release.publish',
    ]);
    expect(actions[0]).toMatchObject({ before: { version: 2 }, after: { version: 3, restores: 1 } });
    expect(actions[2]).toMatchObject({ before: { version: null }, after: { version: 1 } });
  });

  it('takes a scheduled release into effect when its time comes; caches expire then', async () => {
    await writeMonday([{ start: '2026-12-07T09:00:00+08:00', lessonId: 'l-poem' }]);
    const publishAt = new Date(now.getTime() + 30_000).toISOString();
    const scheduled = await publish({ publishAt });
    expect(scheduled.body).toMatchObject({ version: 4, state: 'scheduled', publishAt });
    const waiting = await lessonsOn();
    expect(waiting.lessons).toEqual(['l-shapes']);
    expect(waiting.cacheControl).toBe('public, max-age=30, stale-while-revalidate=0');
    expect((await getJson(api.url, `${REGION}/draft/changes`, { headers })).body).toMatchObject({
      against: { region: 'jx', carrier: 'all', version: 3 },
      hasChanges: true,
    });

    now = new Date(now.getTime() + 31_000);
    const effective = await lessonsOn();
    expect(effective.lessons).toEqual(['l-poem']);
    expect(effective.cacheControl).toBe('public, max-age=60, stale-while-revalidate=300');
    expect((await getJson(api.url, `${REGION}/releases`, { headers })).body.current).toBe(4);
    expect((await getJson(api.url, `${REGION}/draft/changes`, { headers })).body.hasChanges).toBe(false);
  });

  it('cancels a scheduled release only (409 otherwise), and refuses a publishAt in the past', async () => {
    const later = await publish({ publishAt: new Date(now.getTime() + 3_600_000).toISOString() });
    expect(later.body.version).toBe(5);
    expect((await sendJson(api.url, `${REGION}/releases/4`, 'DELETE', undefined, headers)).status).toBe(409);
    expect((await sendJson(api.url, `${REGION}/releases/5/rollback`, 'POST', {}, headers)).status).toBe(409);
    expect((await sendJson(api.url, `${REGION}/releases/5`, 'DELETE', undefined, headers)).status).toBe(204);
    expect((await getJson(api.url, `${REGION}/releases/5`, { headers })).status).toBe(404);
    const past = await publish({ publishAt: '2026-01-01T00:00:00Z' });
    expect(past.status).toBe(400);
    expect(past.body.error.details[0].path).toBe('body.publishAt');
    expect((await publish()).body.version).toBe(6); // a cancelled version's number is not reused
  });

  it('lets a box with a pairing code see the draft, never cached', async () => {
    await writeMonday([{ start: '2026-12-07T10:00:00+08:00', lessonId: 'l-div' }]);
    const preview = await sendJson(api.url, `${REGION}/previews`, 'POST', {}, headers);
    expect(preview.status).toBe(201);
    expect(preview.body.code).toMatch(/^\d{6}$/);
    const previewed = await lessonsOn(TIMETABLE, { 'x-ketang-preview': preview.body.code });
    expect(previewed.lessons).toEqual(['l-div']);
    expect(previewed.cacheControl).toBe('private, no-store');
    expect((await lessonsOn()).lessons).toEqual(['l-poem']);
    expect((await lessonsOn(TIMETABLE, { 'x-ketang-preview': '000000' })).lessons).toEqual(['l-poem']);
    now = new Date(now.getTime() + 16 * 60_000); // the code has expired
    expect((await lessonsOn(TIMETABLE, { 'x-ketang-preview': preview.body.code })).lessons).toEqual([
      'l-poem',
    ]);
  });
});
