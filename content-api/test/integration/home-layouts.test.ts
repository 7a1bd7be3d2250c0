import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ProfileHomeSchema } from '@ketang/contract';
import type { RunningServer } from '../../src/server.ts';
import { buildFixtureCatalogue } from '../fixtures/catalogue.ts';
import { getJson, sendJson, startApi } from '../support/api.ts';
import { embeddedBackend, mongoBackend, type Backend } from '../support/backends.ts';
import { newChild, newHousehold, type HouseholdBox } from '../support/family.ts';
import { bearer, operatorTokens } from '../support/operators.ts';

const backends: Backend[] = [embeddedBackend, mongoBackend()];
const NOW = new Date('2026-10-14T02:10:00Z');
const LAYOUTS = '/v1/operator/regions/jx/draft/layouts';
const CURATED = {
  kind: 'curated',
  title: { zh: '本周推荐', en: 'This week' },
  lessonIds: ['l-poem', 'l-div', 'l-shapes'],
};

type RailOut = { id: string; kind: string; title: { zh: string }; items: { id: string }[] };

/** Home layouts as drafts in a region's releases, as a region's boxes and a child's home see them (issue 13). */
describe.each(backends)('home layouts on the $name store', (backend) => {
  let api: RunningServer;
  let tokens: Record<string, string>;
  let box: HouseholdBox;
  let childId: string;
  const as = (role: string) => bearer(tokens[role]!);
  const railsOf = async (path: string, headers: Record<string, string> = {}) => {
    const answer = await getJson(api.url, path, { headers });
    expect(answer.status, JSON.stringify(answer.body)).toBe(200);
    return { rails: answer.body.rails as RailOut[], etag: answer.headers.get('etag') };
  };
  const childRails = async (headers: Record<string, string> = {}) => {
    const answer = await getJson(api.url, `/v1/household/profiles/${childId}/home`, {
      headers: { ...box.headers, ...headers },
    });
    expect(answer.status, JSON.stringify(answer.body)).toBe(200);
    return ProfileHomeSchema.parse(answer.body);
  };
  const putLayout = (stage: string, rails: unknown[], role = 'curator', query = '') =>
    sendJson(api.url, `${LAYOUTS}/${stage}${query}`, 'PUT', { rails }, as(role));
  const publish = (query = '') =>
    sendJson(
      api.url,
      `/v1/operator/regions/jx/releases${query}`,
      'POST',
      { note: 'layout' },
      as('scheduler'),
    );

  beforeAll(async () => {
    api = await startApi(await backend.open(), buildFixtureCatalogue(NOW), { clock: () => NOW });
    tokens = await operatorTokens(api.url, ['curator', 'scheduler', 'viewer']);
    box = await newHousehold(api.url, { region: 'jx' });
    childId = await newChild(api.url, box.headers, 'g1');
  }, 120_000);
  afterAll(async () => {
    await api?.close();
    await backend.shutdown();
  });

  it('follows the built-in layout until one is published: the homes of before', async () => {
    const listed = await getJson(api.url, LAYOUTS, { headers: as('viewer') });
    expect(listed.status).toBe(200);
    expect(listed.body.items).toEqual([]);
    expect(listed.body.builtIn.map((rail: { rule: string }) => rail.rule)).toEqual([
      'today',
      'gradeLessons',
      'stageFeatured',
      'subjectLessons',
      'sections',
      'onAir',
    ]);
    const { rails } = await railsOf('/v1/home?region=jx&grade=g1');
    expect(rails.map((rail) => rail.id)).toEqual([
      'grade-g1',
      'subject-chinese',
      'subject-math',
      'sections',
      'channels',
    ]);
    const stage = await railsOf('/v1/home?region=jx&stage=primary');
    expect(stage.rails[0]!.id).toBe('stage-primary');
    const child = await childRails();
    expect(child.today.length).toBeGreaterThan(0);
    expect(child.rails.map((rail) => rail.id)[0]).toBe('grade-g1');
  });

  it('draft → publish: the device home and a child’s home show the curated rail first', async () => {
    const before = await railsOf('/v1/home?region=jx&grade=g1');
    const rails = [
      CURATED,
      { kind: 'rule', rule: 'onAir', title: { zh: '直播课堂' } },
      { kind: 'rule', rule: 'gradeLessons', limit: 2 },
    ];
    const put = await putLayout('all', rails);
    expect(put.status, JSON.stringify(put.body)).toBe(200);
    expect(put.body).toMatchObject({ stage: 'all', updatedBy: 'curator' });
    // A draft is not seen by boxes …
    expect((await railsOf('/v1/home?region=jx&grade=g1')).rails[0]!.id).toBe('grade-g1');
    // … except one pairing with the draft's code, on its device home and its child's home.
    const code = (await sendJson(api.url, '/v1/operator/regions/jx/previews', 'POST', {}, as('curator'))).body
      .code as string;
    const previewed = await railsOf('/v1/home?region=jx&grade=g1', { 'x-ketang-preview': code });
    expect(previewed.rails[0]).toMatchObject({ id: 'curated-0', kind: 'lessons', title: { zh: '本周推荐' } });
    const previewChild = await childRails({ 'x-ketang-preview': code });
    expect(previewChild.rails[0]!.id).toBe('curated-0');
    expect(previewChild.today).toEqual([]); // no `today` rail in this layout

    const changes = await getJson(api.url, '/v1/operator/regions/jx/draft/changes', {
      headers: as('scheduler'),
    });
    expect(changes.body.layouts).toEqual({ added: ['all'], changed: [], removed: [] });
    expect(changes.body.hasChanges).toBe(true);
    expect((await publish()).status).toBe(201);

    const after = await railsOf('/v1/home?region=jx&grade=g1');
    expect(after.etag).not.toBe(before.etag);
    expect(after.rails.map((rail) => rail.id)).toEqual(['curated-0', 'channels', 'grade-g1']);
    expect(after.rails[0]!.items.map((item) => item.id)).toEqual(['l-poem', 'l-div', 'l-shapes']);
    expect(after.rails[1]!.title.zh).toBe('直播课堂');
    expect(after.rails[2]!.items).toHaveLength(2);
    const child = await childRails();
    expect(child.rails.map((rail) => rail.id)).toEqual(['curated-0', 'channels', 'grade-g1']);
    // Another region, and the national catalogue, are unaffected.
    expect((await railsOf('/v1/home?region=gd&grade=g1')).rails[0]!.id).toBe('grade-g1');
    // A box of another carrier of jx falls back to the region's release.
    expect((await railsOf('/v1/home?region=jx&carrier=cmcc&grade=g1')).rails[0]!.id).toBe('curated-0');
  });

  it('a stage’s own layout wins over the one for every stage; rollback brings the old layout back', async () => {
    const senior = [{ kind: 'rule', rule: 'stageFeatured', title: { zh: '高中精选' } }];
    expect((await putLayout('senior', senior)).status).toBe(200);
    expect((await publish()).status).toBe(201);
    const seniorHome = await railsOf('/v1/home?region=jx&stage=senior');
    expect(seniorHome.rails.map((rail) => rail.title.zh)).toEqual(['高中精选']);
    expect((await railsOf('/v1/home?region=jx&grade=g1')).rails[0]!.id).toBe('curated-0');

    const detail = await getJson(api.url, '/v1/operator/regions/jx/releases/2', { headers: as('viewer') });
    expect(detail.body.layouts.map((layout: { stage: string }) => layout.stage)).toEqual(['all', 'senior']);
    const rollback = await sendJson(
      api.url,
      '/v1/operator/regions/jx/releases/1/rollback',
      'POST',
      {},
      as('scheduler'),
    );
    expect(rollback.status).toBe(201);
    expect((await railsOf('/v1/home?region=jx&stage=senior')).rails[0]!.id).toBe('curated-0');
  });

  it('names the field of bad input and changes nothing', async () => {
    const draftBefore = (await getJson(api.url, LAYOUTS, { headers: as('viewer') })).body.items;
    const unknownLesson = await putLayout('all', [{ ...CURATED, lessonIds: ['l-poem', 'l-nope'] }]);
    expect(unknownLesson.status).toBe(400);
    expect(unknownLesson.body.error.details).toEqual([
      { path: 'body.rails.0.lessonIds.1', message: 'unknown lesson "l-nope"' },
    ]);
    const unknownStage = await putLayout('middle', [CURATED]);
    expect(unknownStage.status).toBe(400);
    expect(unknownStage.body.error.details[0].path).toBe('params.stage');
    const badRule = await putLayout('all', [{ kind: 'rule', rule: 'everything' }]);
    expect(badRule.status).toBe(400);
    expect(badRule.body.error.details[0].path).toMatch(/^body\.rails\.0\.rule/);
    const lateToday = await putLayout('all', [CURATED, { kind: 'rule', rule: 'today' }]);
    expect(lateToday.status).toBe(400);
    expect(lateToday.body.error.details[0].path).toBe('body.rails.1.rule');
    const subjectTitle = await putLayout('all', [
      { kind: 'rule', rule: 'subjectLessons', title: { zh: '学科' } },
    ]);
    expect(subjectTitle.status).toBe(400);
    expect(subjectTitle.body.error.details[0].path).toBe('body.rails.0.title');
    const noTitle = await putLayout('all', [{ kind: 'curated', lessonIds: ['l-poem'] }]);
    expect(noTitle.status).toBe(400);
    expect(noTitle.body.error.details[0].path).toBe('body.rails.0.title');
    expect((await getJson(api.url, LAYOUTS, { headers: as('viewer') })).body.items).toEqual(draftBefore);
  });

  it('lets the curator edit layouts, the scheduler publish them, the viewer only read; every change audited', async () => {
    const rails = [CURATED];
    expect((await putLayout('all', rails, 'scheduler')).status).toBe(403);
    expect((await putLayout('all', rails, 'viewer')).status).toBe(403);
    expect((await putLayout('all', rails, 'admin')).status).toBe(200);
    expect(
      (await sendJson(api.url, '/v1/operator/regions/jx/releases', 'POST', {}, as('curator'))).status,
    ).toBe(403);
    expect((await sendJson(api.url, `${LAYOUTS}/senior`, 'DELETE', undefined, as('viewer'))).status).toBe(
      403,
    );
    expect((await sendJson(api.url, `${LAYOUTS}/senior`, 'DELETE', undefined, as('curator'))).status).toBe(
      204,
    );
    expect((await sendJson(api.url, `${LAYOUTS}/senior`, 'DELETE', undefined, as('curator'))).status).toBe(
      404,
    );
    const audit = await getJson(api.url, '/v1/operator/audit?limit=50', { headers: as('admin') });
    const actions = (audit.body.items as { action: string; actor: string; target: string }[]).filter(
      (entry) => entry.action.startsWith('draft.layout'),
    );
    expect(actions.map((entry) => `${entry.action} ${entry.actor} ${entry.target}`)).toEqual(
      expect.arrayContaining([
        'draft.layout.put curator layout:jx|all|all',
        'draft.layout.put admin layout:jx|all|all',
        'draft.layout.remove curator layout:jx|all|senior',
      ]),
    );
  });

  it('shows a previewing box its draft curation on both homes: a lesson hidden in the draft is left out', async () => {
    expect((await putLayout('all', [CURATED])).status).toBe(200);
    const hide = (hidden: boolean) =>
      sendJson(api.url, '/v1/operator/regions/jx/lessons/l-shapes', 'PUT', { hidden }, as('curator'));
    expect((await hide(true)).status).toBe(200);
    const code = (await sendJson(api.url, '/v1/operator/regions/jx/previews', 'POST', {}, as('curator'))).body
      .code as string;
    const preview = { 'x-ketang-preview': code };
    const lessonIds = (rails: { items: unknown[] }[]) =>
      rails.flatMap((rail) => rail.items.map((item) => (item as { id: string }).id));
    try {
      const previewed = await railsOf('/v1/home?region=jx&grade=g1', preview);
      expect(previewed.rails[0]!.items.map((item) => item.id)).toEqual(['l-poem', 'l-div']);
      expect(lessonIds(previewed.rails)).not.toContain('l-shapes');
      expect(lessonIds((await childRails(preview)).rails)).not.toContain('l-shapes');
      // Boxes without the code see the published curation: the lesson is still there.
      expect(lessonIds((await railsOf('/v1/home?region=jx&grade=g1')).rails)).toContain('l-shapes');
      expect(lessonIds((await childRails()).rails)).toContain('l-shapes');
    } finally {
      await hide(false);
    }
  });
});
