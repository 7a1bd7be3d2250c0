import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HeartbeatAnswerSchema, ProgressListSchema, UsageSchema } from '@ketang/contract';
import { HouseholdSchema, ProfileSchema } from '@ketang/contract';
import type { RunningServer } from '../../src/server.ts';
import { buildFixtureCatalogue } from '../fixtures/catalogue.ts';
import { getJson, sendJson, startApi } from '../support/api.ts';
import { embeddedBackend, mongoBackend, type Backend } from '../support/backends.ts';
import { addBox, heartbeat, newHousehold, type HouseholdBox } from '../support/family.ts';

const backends: Backend[] = [embeddedBackend, mongoBackend()];

/** Households, profiles, progress and heartbeats over the real API and store, on both backends. */
describe.each(backends)('family API on the $name store', (backend) => {
  let api: RunningServer;
  let base: string;
  let now = new Date('2026-03-02T02:00:00Z'); // Monday 10:00 in Asia/Shanghai
  let home: HouseholdBox;
  let other: HouseholdBox;
  let childId: string;

  const get = (path: string, box: HouseholdBox = home) => getJson(base, path, { headers: box.headers });
  const send = (method: 'POST' | 'PUT' | 'PATCH' | 'DELETE', path: string, body: unknown, box = home) =>
    sendJson(base, path, method, body, box.headers);
  const beat = (beats: unknown[], box = home) =>
    send('POST', '/v1/household/heartbeats', { heartbeats: beats }, box);
  const progressOf = async (profileId: string, box = home) =>
    ProgressListSchema.parse((await get(`/v1/household/profiles/${profileId}/progress`, box)).body).items;

  beforeAll(async () => {
    api = await startApi(await backend.open(), buildFixtureCatalogue(), { clock: () => now });
    base = api.url;
    home = await newHousehold(base, { region: 'jx' });
    other = await newHousehold(base);
    const child = await send('POST', '/v1/household/profiles', {
      name: '小明',
      avatar: 'panda',
      gradeId: 'g1',
    });
    expect(child.status).toBe(201);
    childId = child.body.id;
  }, 60_000);

  afterAll(async () => {
    await api?.close();
    await backend.shutdown();
  });

  describe('households and credentials', () => {
    it('answers a new household with its token once, and keeps only the SHA-256 of the token', async () => {
      const created = await sendJson(base, '/v1/households', 'POST', {});
      expect(created.status).toBe(201);
      expect(created.headers.get('cache-control')).toBe('no-store');
      expect(created.body.household).toEqual({
        id: expect.any(String),
        timeZone: 'Asia/Shanghai',
        pinSet: false,
        profiles: [],
      });
      expect(created.body.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
      const stored = await api.stores.backend.collection('credentials').find({});
      expect(JSON.stringify(stored)).not.toContain(created.body.token);
      const household = await getJson(base, '/v1/household', {
        headers: { authorization: `Bearer ${created.body.token}` },
      });
      expect(HouseholdSchema.parse(household.body).id).toBe(created.body.household.id);
    });

    it('rejects a bad first-start body naming the field, creating nothing', async () => {
      const before = await api.stores.backend.collection('households').count({});
      const bad = await sendJson(base, '/v1/households', 'POST', { timeZone: 'Mars/Olympus' });
      expect(bad.status).toBe(400);
      expect(bad.body.error.details[0].path).toBe('body.timeZone');
      expect(await api.stores.backend.collection('households').count({})).toBe(before);
    });

    it.each([
      ['GET', '/v1/household'],
      ['POST', '/v1/household/profiles'],
      ['PATCH', '/v1/household/profiles/p1'],
      ['DELETE', '/v1/household/profiles/p1'],
      ['PUT', '/v1/household/profiles/p1/controls'],
      ['GET', '/v1/household/profiles/p1/progress'],
      ['GET', '/v1/household/profiles/p1/usage'],
      ['POST', '/v1/household/profiles/p1/usage/extensions'],
      ['POST', '/v1/household/profiles/p1/break-skips'],
      ['POST', '/v1/household/heartbeats'],
      ['PUT', '/v1/household/pin'],
      ['POST', '/v1/household/pin/checks'],
      ['POST', '/v1/household/phone-links'],
      ['GET', '/v1/household/report?profileId=p1'],
      ['POST', '/v1/events'],
    ])('%s %s answers 401 with WWW-Authenticate without a valid credential', async (method, path) => {
      for (const authorization of [undefined, 'Bearer not-a-known-token-at-all', 'Basic abc']) {
        const response = await getJson(base, path, {
          method,
          headers: { 'content-type': 'application/json', ...(authorization ? { authorization } : {}) },
          body: method === 'GET' ? undefined : '{}',
        });
        expect(response.status, `${authorization}`).toBe(401);
        expect(response.headers.get('www-authenticate')).toBe('Bearer');
      }
    });

    it('refuses a revoked credential from the next request on, though the credential was just used', async () => {
      const box = await addBox(api.stores, home.householdId);
      expect((await get('/v1/household', box)).status).toBe(200);
      await api.stores.credentials.revokeDevice(box.deviceId, now);
      expect((await get('/v1/household', box)).status).toBe(401);
      expect(
        await api.stores.backend
          .collection('credentials')
          .count({ deviceId: box.deviceId, revokedAt: { $exists: true } }),
      ).toBe(1);
    });
  });

  describe('profiles', () => {
    it('creates a child with the default controls of its stage, and an adult', async () => {
      const { body } = await get('/v1/household');
      const child = ProfileSchema.parse(body.profiles[0]);
      expect(child).toMatchObject({
        id: childId,
        kind: 'child',
        name: '小明',
        avatar: 'panda',
        color: '#3A3A3A',
        gradeId: 'g1',
      });
      expect(child.controls).toEqual({
        dailyQuotaMinutes: null,
        breakEveryMinutes: 20,
        breakMinutes: 5,
        bedtime: null,
        allowList: null,
      });
      const adult = await send('POST', '/v1/household/profiles', {
        kind: 'adult',
        name: '妈妈',
        avatar: 'fox',
      });
      expect(adult.status).toBe(201);
      expect(adult.body.controls.breakEveryMinutes).toBe(30);
      expect((await send('DELETE', `/v1/household/profiles/${adult.body.id}`, undefined)).status).toBe(204);
      expect((await get('/v1/household')).body.profiles).toHaveLength(1);
    });

    it.each([
      [{ name: '', avatar: 'panda', gradeId: 'g1' }, 'body.name'],
      [{ name: '一二三四五六七八九十一二三', avatar: 'panda', gradeId: 'g1' }, 'body.name'],
      [{ name: '小红', avatar: 'dragon', gradeId: 'g1' }, 'body.avatar'],
      [{ name: '小红', avatar: 'panda', gradeId: 'math' }, 'body.gradeId'],
      [{ name: '小红', avatar: 'panda', gradeId: 'nope' }, 'body.gradeId'],
      [{ name: '小红', avatar: 'panda' }, 'body.gradeId'],
      [{ name: '小红', avatar: 'panda', gradeId: 'g1', editions: { math: 'nope' } }, 'body.editions.math'],
      [{ name: '小红', avatar: 'panda', gradeId: 'g1', colour: 'red' }, 'body.colour'],
    ])('400 naming the field for %j, and nothing written', async (body, field) => {
      const response = await send('POST', '/v1/household/profiles', body);
      expect(response.status).toBe(400);
      expect(response.body.error.details.map((detail: { path: string }) => detail.path)).toContain(field);
      expect((await get('/v1/household')).body.profiles).toHaveLength(1);
    });

    it('patches a profile and keeps its controls', async () => {
      const patched = await send('PATCH', `/v1/household/profiles/${childId}`, {
        name: '小明同学',
        editions: { math: 'pep' },
      });
      expect(patched.status).toBe(200);
      expect(patched.body).toMatchObject({
        name: '小明同学',
        editions: { math: 'pep' },
        controls: { breakEveryMinutes: 20 },
      });
    });

    it("never shows another household's profile: 404 and nothing changed", async () => {
      for (const [method, path, body] of [
        ['GET', `/v1/household/profiles/${childId}/progress`],
        ['GET', `/v1/household/profiles/${childId}/usage`],
        ['GET', `/v1/household/report?profileId=${childId}`],
        ['PATCH', `/v1/household/profiles/${childId}`, { name: '黑客' }],
        [
          'PUT',
          `/v1/household/profiles/${childId}/controls`,
          { dailyQuotaMinutes: 5, breakEveryMinutes: 10, breakMinutes: 1, bedtime: null, allowList: null },
        ],
        ['POST', `/v1/household/profiles/${childId}/break-skips`, {}],
        ['DELETE', `/v1/household/profiles/${childId}`],
        ['POST', '/v1/household/heartbeats', { heartbeats: [heartbeat(childId, 'l-shapes')] }],
      ] as const) {
        const response = await getJson(base, path, {
          method,
          headers: { 'content-type': 'application/json', ...other.headers },
          body: body ? JSON.stringify(body) : undefined,
        });
        expect(response.status, `${method} ${path}`).toBe(404);
        expect(JSON.stringify(response.body)).not.toContain('小明');
      }
      expect((await get('/v1/household', other)).body.profiles).toEqual([]);
      expect((await get('/v1/household')).body.profiles[0]).toMatchObject({ id: childId, name: '小明同学' });
      expect(await progressOf(childId)).toEqual([]);
    });
  });

  describe('heartbeats and progress', () => {
    it('counts a heartbeat sent twice once, and answers the profile usage', async () => {
      const once = heartbeat(childId, 'l-poem', { watchedSeconds: 30, positionSeconds: 30 });
      const first = HeartbeatAnswerSchema.parse((await beat([once, once])).body);
      expect(first).toMatchObject({ accepted: 1, duplicates: 1 });
      expect(UsageSchema.parse(first.usage[0])).toMatchObject({
        profileId: childId,
        date: '2026-03-02',
        usedSeconds: 30,
        allowed: true,
      });
      const again = await beat([once]);
      expect(again.body).toMatchObject({ accepted: 0, duplicates: 1, usage: [{ usedSeconds: 30 }] });
      const [poem] = await progressOf(childId);
      expect(poem).toMatchObject({
        lessonId: 'l-poem',
        watchedSeconds: 30,
        positionSeconds: 30,
        completed: false,
        lesson: { id: 'l-poem' },
      });
    });

    it('counts only the new heartbeats of a batch that resends some, in progress and usage alike', async () => {
      const sent = heartbeat(childId, 'l-div', { watchedSeconds: 20, positionSeconds: 20 });
      const first = HeartbeatAnswerSchema.parse((await beat([sent])).body);
      const fresh = heartbeat(childId, 'l-div', { watchedSeconds: 15, positionSeconds: 35 });
      // The resent id first: the batch's write finds it counted, and is computed again without it.
      const mixed = HeartbeatAnswerSchema.parse((await beat([sent, fresh, sent])).body);
      expect(mixed).toMatchObject({ accepted: 1, duplicates: 2 });
      expect(mixed.usage[0]!.usedSeconds).toBe(first.usage[0]!.usedSeconds + 15);
      const div = (await progressOf(childId)).find((item) => item.lessonId === 'l-div');
      expect(div).toMatchObject({ watchedSeconds: 35, positionSeconds: 35 });
      expect((await beat([fresh, sent])).body).toMatchObject({ accepted: 0, duplicates: 2 });
      expect((await progressOf(childId)).find((item) => item.lessonId === 'l-div')).toMatchObject({
        watchedSeconds: 35,
      });
    });

    it('merges two boxes of one household: every watching counts, the position is the last received', async () => {
      const second = await addBox(api.stores, home.householdId);
      // Both boxes at once, several heartbeats each: the per-profile lock keeps every one.
      await Promise.all(
        [home, second].flatMap((box, boxIndex) =>
          Array.from({ length: 5 }, (_, index) =>
            beat(
              [
                heartbeat(childId, 'l-shapes', {
                  watchedSeconds: 10,
                  positionSeconds: 100 + boxIndex * 10 + index,
                  durationSeconds: 1800,
                }),
              ],
              box,
            ),
          ),
        ),
      );
      await beat(
        [heartbeat(childId, 'l-shapes', { watchedSeconds: 1, positionSeconds: 777, durationSeconds: 1800 })],
        second,
      );
      const shapes = (await progressOf(childId)).find((item) => item.lessonId === 'l-shapes');
      expect(shapes).toMatchObject({ watchedSeconds: 101, positionSeconds: 777 });
    });

    it('marks completed at the end or at 90%, and keeps it completed', async () => {
      await beat([heartbeat(childId, 'l-count-1', { positionSeconds: 809, durationSeconds: 900 })]);
      expect((await progressOf(childId)).find((item) => item.lessonId === 'l-count-1')?.completed).toBe(
        false,
      );
      await beat([heartbeat(childId, 'l-count-1', { positionSeconds: 810, durationSeconds: 900 })]);
      await beat([heartbeat(childId, 'l-count-1', { positionSeconds: 5, durationSeconds: 900 })]);
      expect((await progressOf(childId)).find((item) => item.lessonId === 'l-count-1')).toMatchObject({
        completed: true,
        positionSeconds: 5,
      });
      await beat([
        heartbeat(childId, 'l-count-2', { positionSeconds: 12, durationSeconds: 900, reason: 'ended' }),
      ]);
      expect((await progressOf(childId)).find((item) => item.lessonId === 'l-count-2')?.completed).toBe(true);
    });

    it('takes 50 heartbeats of long ids in one body', async () => {
      const longLesson = 'l-count-1';
      const beats = Array.from({ length: 50 }, () =>
        heartbeat(childId, longLesson, { watchedSeconds: 0, periodId: 'p'.repeat(120), positionSeconds: 1 }),
      );
      expect(JSON.stringify({ heartbeats: beats }).length).toBeGreaterThan(16_384);
      const response = await beat(beats);
      expect(response.body).toMatchObject({ accepted: 50, duplicates: 0 });
    });

    it('answers the progress of given lessons only, most recent first', async () => {
      now = new Date(now.getTime() + 60_000);
      await beat([heartbeat(childId, 'l-poem', { watchedSeconds: 0, positionSeconds: 31 })]);
      const { body } = await get(
        `/v1/household/profiles/${childId}/progress?lessonIds=l-poem,l-count-2,l-motion`,
      );
      expect(body.items.map((item: { lessonId: string }) => item.lessonId)).toEqual(['l-poem', 'l-count-2']);
      const bad = await get(`/v1/household/profiles/${childId}/progress?lessonIds=bad%20id`);
      expect(bad.status).toBe(400);
    });

    it.each([
      [{ heartbeats: [] }, 'body.heartbeats'],
      [{ heartbeats: Array.from({ length: 51 }, () => heartbeat('p', 'l-poem')) }, 'body.heartbeats'],
      [{ heartbeats: [{ ...heartbeat('p', 'l-poem'), id: 'not-a-uuid' }] }, 'body.heartbeats.0.id'],
      [{ heartbeats: [{ ...heartbeat('p', 'l-poem'), reason: 'bored' }] }, 'body.heartbeats.0.reason'],
      [
        { heartbeats: [{ ...heartbeat('p', 'l-poem'), watchedSeconds: -1 }] },
        'body.heartbeats.0.watchedSeconds',
      ],
    ])('400 naming the field for a bad heartbeat body (%#)', async (body, field) => {
      const response = await send('POST', '/v1/household/heartbeats', body);
      expect(response.status).toBe(400);
      expect(response.body.error.details.map((detail: { path: string }) => detail.path)).toContain(field);
    });

    it('still counts a lesson retired while a box was playing it', async () => {
      await api.stores.lessons.retire(['l-count-9']);
      await api.services.revisions.bump();
      await api.services.views.fresh();
      const response = await beat([heartbeat(childId, 'l-count-9', { watchedSeconds: 7 })]);
      expect(response.body).toMatchObject({ accepted: 1 });
      const [item] = (await progressOf(childId)).filter((entry) => entry.lessonId === 'l-count-9');
      expect(item).toMatchObject({ watchedSeconds: 7 });
      expect(item?.lesson).toBeUndefined(); // no longer shown to devices
    });

    it('rejects a batch with an unknown lesson whole: nothing of it is written', async () => {
      const before = await progressOf(childId);
      const response = await beat([
        heartbeat(childId, 'l-poem', { watchedSeconds: 50 }),
        heartbeat(childId, 'no-such-lesson'),
      ]);
      expect(response.status).toBe(404);
      expect(response.body.error.details[0].path).toBe('body.heartbeats.1.lessonId');
      expect(await progressOf(childId)).toEqual(before);
    });
  });

  it('lists every family route with its statuses in the OpenAPI document', async () => {
    const { body } = await getJson(base, '/v1/openapi.json');
    const familyPaths = Object.keys(body.paths).filter((path) => path.startsWith('/v1/household/'));
    expect(familyPaths.length).toBe(17); // with the child's home, the licensed-HLS keys, the boxes and rotation
    for (const path of familyPaths) {
      const { description, ...operations } = body.paths[path] as Record<string, { responses: object }>;
      expect(description, path).toMatch(/^Any other method answers 405 with Allow/);
      for (const [method, operation] of Object.entries(operations)) {
        expect(Object.keys(operation.responses), `${method} ${path}`).toEqual(
          expect.arrayContaining(['400', '401']),
        );
      }
    }
    expect(Object.keys(body.paths['/v1/households'].post.responses)).toEqual(
      expect.arrayContaining(['201', '429']),
    );
    expect(body.components.securitySchemes.household).toMatchObject({ type: 'http', scheme: 'bearer' });
  });

  it('limits first starts per address: 429 with Retry-After, nothing created', async () => {
    let limited: Awaited<ReturnType<typeof sendJson>> | undefined;
    for (let attempt = 0; attempt < 40 && !limited; attempt += 1) {
      const response = await sendJson(base, '/v1/households', 'POST', {});
      if (response.status === 429) limited = response;
      else expect(response.status).toBe(201);
    }
    expect(limited?.body.error.code).toBe('rate_limited');
    expect(Number(limited?.headers.get('retry-after'))).toBeGreaterThan(0);
    const households = await api.stores.backend.collection('households').count({});
    expect((await sendJson(base, '/v1/households', 'POST', {})).status).toBe(429);
    expect(await api.stores.backend.collection('households').count({})).toBe(households);
  });
});
