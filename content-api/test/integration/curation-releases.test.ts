import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../src/server.ts';
import { CURATION_BASELINE } from '../../src/stores/curation-part.store.ts';
import { buildFixtureCatalogue } from '../fixtures/catalogue.ts';
import { getJson, sendJson, startApi } from '../support/api.ts';
import { embeddedBackend, mongoBackend, type Backend } from '../support/backends.ts';
import { bearer, operatorTokens } from '../support/operators.ts';

const backends: Backend[] = [embeddedBackend, mongoBackend()];
const NOW = new Date('2026-12-07T00:05:00Z');
const REGION = '/v1/operator/regions/jx';
const TEXTBOOK = 'tb-math-g1-pep-v1';

/** Curation as a draft inside releases (issue 13): what boxes see, previews, rollback, roles, the upgrade. */
describe.each(backends)('curation in releases on the $name store', (backend) => {
  let api: RunningServer;
  let storage: { mongodbUri?: string; dataDir: string };
  let tokens: Record<string, string>;
  const as = (role: string) => bearer(tokens[role]!);
  const lessonIds = async (region = 'jx', headers: Record<string, string> = {}) => {
    const answer = await getJson(api.url, `/v1/lessons?textbook=${TEXTBOOK}&region=${region}&limit=100`, {
      headers,
    });
    expect(answer.status).toBe(200);
    return (answer.body.items as { id: string }[]).map((lesson) => lesson.id);
  };
  const lessonStatus = async (id: string, headers: Record<string, string> = {}) =>
    (await getJson(api.url, `/v1/lessons/${id}?region=jx`, { headers })).status;
  const changes = async (query = '') =>
    (await getJson(api.url, `${REGION}/draft/changes${query}`, { headers: as('viewer') })).body;
  const publish = (role = 'admin', body: Record<string, unknown> = {}) =>
    sendJson(api.url, `${REGION}/releases`, 'POST', body, as(role));
  /** Every lesson on the device home of jx's first grade (every rail's lesson tiles). */
  const homeLessonIds = async (headers: Record<string, string> = {}) => {
    const answer = await getJson(api.url, '/v1/home?region=jx&grade=g1', { headers });
    expect(answer.status).toBe(200);
    return (answer.body.rails as { kind: string; items: { id: string }[] }[])
      .filter((rail) => rail.kind === 'lessons')
      .flatMap((rail) => rail.items.map((lesson) => lesson.id));
  };
  const hide = (role: string, id: string, hidden = true) =>
    sendJson(api.url, `${REGION}/lessons/${id}`, 'PUT', { hidden }, as(role));

  beforeAll(async () => {
    storage = await backend.open();
    api = await startApi(storage, buildFixtureCatalogue(NOW), { clock: () => NOW });
    tokens = await operatorTokens(api.url, ['curator', 'scheduler', 'viewer']);
  }, 120_000);
  afterAll(async () => {
    await api?.close();
    await backend.shutdown();
  });

  it('hides a lesson as a draft: boxes see it until a release, then not, and again after a rollback', async () => {
    const before = await lessonIds();
    expect(before).toContain('l-shapes');
    const hidden = await hide('curator', 'l-shapes');
    expect(hidden.status).toBe(200);
    expect(await lessonIds()).toEqual(before); // a draft
    expect(await lessonStatus('l-shapes')).toBe(200);

    const pending = await changes();
    expect(pending.curation).toMatchObject({ rules: { added: ['lesson:l-shapes'] }, hasChanges: true });
    expect(pending.hasChanges).toBe(true);

    const first = await publish();
    expect(first.status).toBe(201);
    expect(first.body.parts).toEqual({ curation: { rules: 1, localLessons: 0, sources: 0 } });
    expect(await lessonIds()).not.toContain('l-shapes');
    expect(await lessonStatus('l-shapes')).toBe(404);
    expect(await lessonIds('gd')).toContain('l-shapes'); // another region keeps the national view
    expect((await changes()).curation.hasChanges).toBe(false);

    // Shown again in the draft, published as v2; rolling back to v1 hides it again, back to v0's state none.
    await hide('curator', 'l-shapes', false);
    expect(await lessonIds()).not.toContain('l-shapes');
    expect((await publish()).status).toBe(201);
    expect(await lessonIds()).toContain('l-shapes');
    const rollback = await sendJson(api.url, `${REGION}/releases/1/rollback`, 'POST', {}, as('scheduler'));
    expect(rollback.status).toBe(201);
    expect(await lessonIds()).not.toContain('l-shapes');
    // The draft still says "shown": against the rolled-back release it is a change again.
    expect((await changes()).curation.rules.changed).toEqual(['lesson:l-shapes']);
    expect((await publish()).status).toBe(201);
    expect(await lessonIds()).toContain('l-shapes');
  });

  it("publishes the region's curation for every carrier of the region, from a release of any carrier", async () => {
    await hide('curator', 'l-shapes-2');
    expect((await changes('?carrier=cmcc')).curation.rules.added).toEqual(['lesson:l-shapes-2']);
    expect((await publish('admin', { carrier: 'cmcc' })).status).toBe(201);
    expect(await lessonIds()).not.toContain('l-shapes-2');
    expect((await changes()).curation.hasChanges).toBe(false); // the carrier-wide scope shares it
    await hide('curator', 'l-shapes-2', false);
    expect((await publish()).status).toBe(201);
    expect(await lessonIds()).toContain('l-shapes-2');
  });

  it("shows a box with a preview code the region's draft curation, and no one else", async () => {
    await hide('curator', 'l-shapes');
    const preview = await sendJson(api.url, `${REGION}/previews`, 'POST', {}, as('curator'));
    expect(preview.status).toBe(201);
    const code = { 'x-ketang-preview': preview.body.code as string };
    expect(await lessonIds('jx', code)).not.toContain('l-shapes');
    expect(await lessonStatus('l-shapes', code)).toBe(404);
    const search = await getJson(api.url, `/v1/search?q=${encodeURIComponent('认识立体')}&region=jx`, {
      headers: code,
    });
    expect(search.body.lessons.map((lesson: { id: string }) => lesson.id)).not.toContain('l-shapes');
    expect(await lessonIds()).toContain('l-shapes');
    // The device home too: the previewing box's rails leave the draft-hidden lesson out, every other box's not.
    expect(await homeLessonIds(code)).not.toContain('l-shapes');
    expect(await homeLessonIds()).toContain('l-shapes');
    expect(await lessonStatus('l-shapes', { 'x-ketang-preview': '000000' })).toBe(200); // unknown code
    await hide('curator', 'l-shapes', false);
    expect(await lessonIds('jx', code)).toContain('l-shapes');
    expect(await homeLessonIds(code)).toContain('l-shapes');
  });

  it('lets the curator edit curation but not publish, the viewer neither; bad input changes nothing', async () => {
    expect((await hide('viewer', 'l-shapes')).status).toBe(403);
    expect((await publish('curator')).status).toBe(403);
    expect((await hide('scheduler', 'l-shapes')).status).toBe(403);
    const unknown = await hide('curator', 'no-such-lesson');
    expect(unknown.status).toBe(404);
    const bad = await sendJson(
      api.url,
      `${REGION}/lessons/l-shapes`,
      'PUT',
      { hidden: 'yes' },
      as('curator'),
    );
    expect(bad.status).toBe(400);
    expect(bad.body.error.details[0].path).toBe('body.hidden');
    const badSettings = await sendJson(
      api.url,
      REGION,
      'PUT',
      { allowedProviders: 'everyone' },
      as('curator'),
    );
    expect(badSettings.status).toBe(400);
    expect((await changes()).curation).toMatchObject({ hasChanges: false });
    expect(await lessonIds()).toContain('l-shapes');
  });

  it('takes the live curation of an upgraded store as its first published state', async () => {
    // A store from before curation joined releases: live curation and no baseline.
    await api.stores.curation.putRule({ region: 'jx', kind: 'lesson', targetId: 'l-poem', hidden: true });
    await api.stores.curation.putRule({ region: 'zj', kind: 'lesson', targetId: 'l-shapes', hidden: true });
    await api.stores.backend.collection(CURATION_BASELINE).deleteMany({});
    await api.close();
    api = await startApi(storage, undefined, { clock: () => NOW });
    expect(await lessonIds('zj')).not.toContain('l-shapes'); // no family sees a change on upgrade
    expect((await getJson(api.url, `/v1/lessons/l-shapes?region=zj`)).status).toBe(404);
    expect(await lessonIds('gd')).toContain('l-shapes');
    const zj = (await getJson(api.url, '/v1/operator/regions/zj/draft/changes', { headers: as('admin') }))
      .body;
    expect(zj.curation.hasChanges).toBe(false);
  });
});
