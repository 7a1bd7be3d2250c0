import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LessonDetailSchema, LessonPageSchema, FacetTreeSchema, HomeSchema } from '@ketang/contract';
import type { RunningServer } from '../../src/server.ts';
import { buildFixtureCatalogue } from '../fixtures/catalogue.ts';
import { getJson, OPERATOR_TOKEN, rawGet, sendJson, startApi } from '../support/api.ts';
import { newHousehold, type HouseholdBox } from '../support/family.ts';
import { embeddedBackend, mongoBackend, type Backend } from '../support/backends.ts';

/** One contract, two backends: the embedded store and MongoDB over a real connection (FerretDB). */
const backends: Backend[] = [embeddedBackend, mongoBackend()];

describe.each(backends)('content API on the $name store', (backend) => {
  let api: RunningServer;
  let base: string;
  let box: HouseholdBox;

  beforeAll(async () => {
    api = await startApi(await backend.open(), buildFixtureCatalogue());
    base = api.url;
    box = await newHousehold(base);
  }, 60_000);

  afterAll(async () => {
    await api?.close();
    await backend.shutdown();
  });

  describe('facets and textbooks', () => {
    it('answers the facet tree with counts in textbook order; 高中 has no grade level', async () => {
      const { status, body } = await getJson(base, '/v1/facets');
      expect(status).toBe(200);
      const tree = FacetTreeSchema.parse(body).tree;
      expect(tree.map((node) => node.name.zh)).toEqual(['小学', '高中']);
      const primary = tree[0]!;
      expect(primary.children.map((node) => node.name.zh)).toEqual(['一年级', '二年级']);
      const grade1 = primary.children[0]!;
      expect(grade1.children.map((node) => [node.name.zh, node.count])).toEqual([
        ['语文', 1],
        ['数学', 28],
      ]);
      const volume = grade1.children[1]!.children[0]!.children[0]!;
      expect(volume).toMatchObject({ kind: 'volume', id: 'v1', textbookIds: ['tb-math-g1-pep-v1'] });
      expect(tree[1]!.children[0]).toMatchObject({ kind: 'subject', id: 'physics', count: 1 });
    });

    it('answers a textbook with its unit tree and lesson counts', async () => {
      const { status, body } = await getJson(base, '/v1/textbooks/tb-math-g1-pep-v1');
      expect(status).toBe(200);
      expect(body.subject).toEqual({ id: 'math', name: { zh: '数学', en: 'Mathematics' } });
      expect(body.units[0]).toMatchObject({
        id: 'u-shapes',
        lessonCount: 2,
        children: [{ id: 'u-shapes-1', lessonCount: 2 }],
      });
      expect(body.units[1]).toMatchObject({ id: 'u-add', lessonCount: 26 });
    });
  });

  describe('lessons', () => {
    it('filters by facets and unit, in textbook order', async () => {
      const { body } = await getJson(base, '/v1/lessons?grade=g1&subject=math&limit=3');
      const page = LessonPageSchema.parse(body);
      expect(page.items.map((item) => item.id)).toEqual(['l-shapes', 'l-shapes-2', 'l-add-10']);
      expect(page.items[0]).toMatchObject({
        playable: true,
        subject: { id: 'math' },
        grade: { id: 'g1' },
        teachers: ['王老师'],
      });
      const byUnit = await getJson(base, '/v1/lessons?unit=u-shapes-1');
      expect(byUnit.body.items.map((item: { id: string }) => item.id)).toEqual(['l-shapes', 'l-shapes-2']);
      const senior = await getJson(base, '/v1/lessons?stage=senior');
      expect(senior.body.items.map((item: { id: string }) => item.id)).toEqual(['l-motion']);
    });

    it('pages with a cursor through every lesson once, in a stable order', async () => {
      const seen: string[] = [];
      let cursor: string | null = null;
      for (let pageCount = 0; pageCount < 10; pageCount += 1) {
        const query: string = cursor ? `&cursor=${cursor}` : '';
        const { body } = await getJson(base, `/v1/lessons?unit=u-add&limit=7${query}`);
        seen.push(...body.items.map((item: { id: string }) => item.id));
        cursor = body.nextCursor;
        if (!cursor) break;
      }
      expect(seen).toHaveLength(26);
      expect(new Set(seen).size).toBe(26);
      expect(seen[0]).toBe('l-add-10');
      expect(seen.slice(1)).toEqual(Array.from({ length: 25 }, (_, index) => `l-count-${index}`));
    });

    it('answers one lesson with periods, documents, unit path, neighbours and playback', async () => {
      const { status, body } = await getJson(base, '/v1/lessons/l-shapes');
      expect(status).toBe(200);
      const lesson = LessonDetailSchema.parse(body);
      expect(lesson.unitPath.map((unit) => unit.title.zh)).toEqual([
        '第四单元 认识图形（一）',
        '认识立体图形',
      ]);
      expect(lesson.playability).toEqual({ playable: true });
      expect(lesson.playback).toMatchObject({
        type: 'packaged',
        dashUrl: '/media/asset-shapes/manifest.mpd',
      });
      expect(lesson.next?.id).toBe('l-shapes-2');
      expect(lesson.previous).toBeUndefined();
      expect(lesson.related.map((item) => item.id)).toEqual(['l-shapes-2']);
      expect(lesson.provider).toEqual({
        id: 'jxedu',
        name: { zh: '江西省教育厅', en: 'Jiangxi Education Department' },
      });
    });

    it('explains why a lesson cannot play, in words for people', async () => {
      const { body } = await getJson(base, '/v1/lessons/l-add-10');
      expect(body.periods).toHaveLength(2);
      expect(body.playability).toEqual({
        playable: false,
        reason: {
          code: 'licence-required',
          message: expect.objectContaining({ zh: expect.stringContaining('授权') }),
        },
      });
      expect(body.playback).toBeUndefined();
    });
  });

  describe('search, sections, channels and home', () => {
    it('finds by pinyin initials, full pinyin and Chinese substrings', async () => {
      const initials = await getJson(base, '/v1/search?q=sx');
      expect(initials.body.subjects).toEqual([{ id: 'math', name: { zh: '数学', en: 'Mathematics' } }]);
      // No title reads "sx…" here, so the lessons are those of the subject 数学, shortest titles first.
      expect(initials.body.lessons.length).toBe(20);
      expect(
        initials.body.lessons.every((lesson: { subject?: { id: string } }) => lesson.subject?.id === 'math'),
      ).toBe(true);
      const title = await getJson(base, '/v1/search?q=sys');
      expect(title.body.lessons[0].title.zh).toBe('数一数 第1节');
      const full = await getJson(base, '/v1/search?q=jingyesi');
      expect(full.body.lessons.map((item: { id: string }) => item.id)).toEqual(['l-poem']);
      const chinese = await getJson(base, '/v1/search?q=' + encodeURIComponent('图形'));
      expect(chinese.body.lessons.map((item: { id: string }) => item.id).sort()).toEqual([
        'l-shapes',
        'l-shapes-2',
      ]);
    });

    it('lists sections with their lessons', async () => {
      const { body } = await getJson(base, '/v1/sections');
      expect(body.items).toEqual([
        expect.objectContaining({
          id: 'after-school',
          lessonCount: 1,
          categories: [{ id: 'reading', title: { zh: '经典阅读' } }],
        }),
      ]);
      const lessons = await getJson(base, '/v1/lessons?section=after-school');
      expect(lessons.body.items.map((item: { id: string }) => item.id)).toEqual(['l-reading']);
    });

    it("answers a channel's timetable and what is on air now", async () => {
      const onAir = await getJson(base, '/v1/channels/ch-g1/now');
      expect(onAir.status).toBe(200);
      expect(onAir.headers.get('cache-control')).toBe('no-store');
      expect(Date.parse(onAir.body.now.start)).toBeLessThanOrEqual(Date.now());
      expect(Date.parse(onAir.body.now.end)).toBeGreaterThan(Date.now());
      expect(onAir.body.next.start).toBe(onAir.body.now.end);
      expect(onAir.body.positionSeconds).toBeGreaterThanOrEqual(0);
      expect(onAir.body.positionSeconds).toBeLessThan(1800);
      const lessonSeconds = onAir.body.now.lesson.durationSeconds;
      expect(onAir.body.lessonPositionSeconds).toBe(
        lessonSeconds > 0
          ? Math.floor(onAir.body.positionSeconds % lessonSeconds)
          : onAir.body.positionSeconds,
      );
      const timetable = await getJson(base, '/v1/channels/ch-g1/timetable');
      expect(timetable.body.channel.timeZone).toBe('Asia/Shanghai');
      expect(timetable.body.slots.length).toBeGreaterThan(0);
      expect(timetable.body.slots.map((slot: { id: string }) => slot.id)).toContain(onAir.body.now.id);
      const channels = await getJson(base, '/v1/channels');
      expect(channels.body.items[0].now.id).toBe(onAir.body.now.id);
    });

    it('answers the home document, personal with a device', async () => {
      const { body } = await getJson(base, '/v1/home?grade=g1');
      const home = HomeSchema.parse(body);
      expect(home.rails.map((rail) => rail.id)).toEqual([
        'grade-g1',
        'subject-chinese',
        'subject-math',
        'sections',
        'channels',
      ]);
      expect(home.rails[0]!.title).toEqual({ zh: '一年级·全部课程', en: 'All lessons · Grade 1' });
      expect(home.rails[0]!.items[0]).toMatchObject({ id: 'l-shapes', playable: true });
      // A device id in a URL grants nothing: the personal home is the profile's (docs/family.md).
      const personal = await getJson(base, '/v1/home?grade=g1&device=box-0001');
      expect(personal.status).toBe(400);
      expect(personal.body.error.message).toContain('device');
    });
  });

  describe('device writes', () => {
    it('accepts playback quality events from a household credential, with its device id', async () => {
      const event = {
        lessonId: 'l-shapes',
        kind: 'playback',
        stats: { timeToFirstFrameMs: 640, stalls: 0, codecFamily: 'av1', height: 1080 },
      };
      expect((await sendJson(base, '/v1/events', 'POST', event)).status).toBe(401);
      const { status, body } = await sendJson(base, '/v1/events', 'POST', event, box.headers);
      expect(status).toBe(202);
      expect(body.accepted).toBe(true);
      const stored = await api.stores.events.forDevice(box.deviceId);
      expect(stored[0]).toMatchObject({
        lessonId: 'l-shapes',
        stats: { timeToFirstFrameMs: 640, codecFamily: 'av1' },
      });
    });
  });

  describe('errors have one shape and the right status', () => {
    it.each([
      ['/v1/lessons?grade=g1&colour=red', 'colour'],
      ['/v1/lessons?limit=1000', 'limit'],
      ['/v1/lessons?cursor=bm90LWEtY3Vyc29y', 'cursor'],
      ['/v1/lessons/bad%20id', 'id'],
      ['/v1/search?q=', 'q'],
      ['/v1/channels/ch-g1/timetable?date=2026-13-45', 'date'],
    ])('400 naming the parameter for %s', async (url, name) => {
      const { status, body } = await getJson(base, url);
      expect(status).toBe(400);
      expect(body.error.code).toMatch(/invalid/);
      expect(body.error.message).toContain(name);
      expect(body.error.details.map((detail: { path: string }) => detail.path).join()).toContain(name);
      expect(body.error.requestId).toBeTruthy();
    });

    it('404 for unknown resources and routes', async () => {
      for (const url of [
        '/v1/lessons/nope',
        '/v1/textbooks/nope',
        '/v1/channels/nope/now',
        '/v1/nothing-here',
      ]) {
        const { status, body } = await getJson(base, url);
        expect(status, url).toBe(404);
        expect(body.error.code).toBe('not_found');
      }
    });

    it('rejects MongoDB operator injection in query strings and bodies', async () => {
      const query = await getJson(base, '/v1/lessons?grade[$ne]=x');
      expect(query.status).toBe(400);
      expect(query.body.error.code).toBe('operator_injection');
      const body = await sendJson(
        base,
        '/v1/household/heartbeats',
        'POST',
        { heartbeats: [{ profileId: { $gt: '' } }] },
        box.headers,
      );
      expect(body.status).toBe(400);
      expect(body.body.error.code).toBe('operator_injection');
      const nested = await sendJson(
        base,
        '/v1/events',
        'POST',
        { kind: 'playback', stats: {}, $where: '1' },
        box.headers,
      );
      expect(nested.status).toBe(400);
      expect(await api.stores.events.forDevice(box.deviceId)).toHaveLength(1);
    });

    it('413 for oversized bodies, 415 for non-JSON, 400 for malformed JSON', async () => {
      const big = await sendJson(
        base,
        '/v1/events',
        'POST',
        { kind: 'playback', stats: { error: 'x'.repeat(100_000) } },
        box.headers,
      );
      expect(big.status).toBe(413);
      expect(big.body.error.code).toBe('payload_too_large');
      const text = await getJson(base, '/v1/events', {
        method: 'POST',
        headers: { 'content-type': 'text/plain', ...box.headers },
        body: 'hi',
      });
      expect(text.status).toBe(415);
      const broken = await sendJson(base, '/v1/events', 'POST', '{"kind":', box.headers);
      expect(broken.status).toBe(400);
      expect(broken.body.error.code).toBe('malformed_json');
    });
  });

  describe('caching and compression', () => {
    it('answers catalogue reads with ETag, Cache-Control, 304 and gzip', async () => {
      const first = await fetch(`${base}/v1/lessons?grade=g1`, { headers: { 'accept-encoding': 'gzip' } });
      expect(first.status).toBe(200);
      expect(first.headers.get('content-encoding')).toBe('gzip');
      expect(first.headers.get('cache-control')).toMatch(/public, max-age=\d+/);
      const etag = first.headers.get('etag');
      expect(etag).toMatch(/^"/);
      // fetch() adds `Cache-Control: no-cache` to conditional requests, so ask the way a CDN or box does.
      const again = await rawGet(`${base}/v1/lessons?grade=g1`, { 'if-none-match': etag! });
      expect(again.status).toBe(304);
      const changed = await rawGet(`${base}/v1/lessons?grade=g1`, { 'if-none-match': '"other"' });
      expect(changed.status).toBe(200);
    });

    it('serves a cached read gzipped to those who accept it and plain to the rest, with the same JSON', async () => {
      const path = `${base}/v1/lessons?grade=g1&limit=50`;
      const zipped = await fetch(path, { headers: { 'accept-encoding': 'gzip' } });
      const zippedAgain = await fetch(path, { headers: { 'accept-encoding': 'gzip, br' } });
      const plain = await rawGet(path, { 'accept-encoding': 'identity' });
      expect(zippedAgain.headers.get('content-encoding')).toBe('gzip');
      expect(zippedAgain.headers.get('vary')).toMatch(/Accept-Encoding/i);
      expect(plain.headers['content-encoding']).toBeUndefined();
      expect(plain.headers['content-type']).toMatch(/^application\/json/);
      const body = (await zipped.json()) as { items: unknown[] };
      expect(body.items.length).toBeGreaterThan(0);
      expect(await zippedAgain.json()).toEqual(body);
      expect(JSON.parse(plain.body)).toEqual(body);
    });
  });

  describe('operators', () => {
    it('registers a packaged asset with a token and makes its lessons playable', async () => {
      const asset = (
        await getJson(base, '/v1/operator/assets/asset-shapes', {
          headers: { authorization: `Bearer ${OPERATOR_TOKEN}` },
        })
      ).body;
      const denied = await sendJson(base, '/v1/operator/assets/asset-new', 'PUT', {
        ...asset,
        id: 'asset-new',
      });
      expect(denied.status).toBe(401);
      const lessonBefore = await api.stores.lessons.get('l-div');
      await api.stores.lessons.put([
        { ...lessonBefore!, videos: [{ type: 'packaged', id: 'v-new', assetId: 'asset-new' }] },
      ]);
      const created = await sendJson(
        base,
        '/v1/operator/assets/asset-new',
        'PUT',
        { ...asset, id: 'asset-new' },
        { authorization: `Bearer ${OPERATOR_TOKEN}` },
      );
      expect(created.status).toBe(201);
      const lesson = await getJson(base, '/v1/lessons/l-div');
      expect(lesson.body.playability).toEqual({ playable: true });
      expect(lesson.body.playback.assetId).toBe('asset-new');
      const mismatch = await sendJson(
        base,
        '/v1/operator/assets/asset-x',
        'PUT',
        { ...asset, id: 'asset-y' },
        { authorization: `Bearer ${OPERATOR_TOKEN}` },
      );
      expect(mismatch.status).toBe(400);
    });
  });

  it('serves its OpenAPI 3.1 document and health', async () => {
    const { body } = await getJson(base, '/v1/openapi.json');
    expect(body.openapi).toBe('3.1.0');
    expect(Object.keys(body.paths)).toEqual(
      expect.arrayContaining(['/v1/lessons', '/v1/search', '/v1/home', '/v1/facets']),
    );
    expect(body.components.schemas.LessonSummary).toBeDefined();
    expect((await getJson(base, '/healthz')).status).toBe(200);
    expect((await getJson(base, '/readyz')).body).toEqual({ status: 'ready', store: backend.name });
  });
});
