import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ProfileHomeSchema, type ProfileHome } from '@ketang/contract';
import { withTileProgress } from '@ketang/contract/profile-home-progress';
import type { RunningServer } from '../../src/server.ts';
import { buildFixtureCatalogue } from '../fixtures/catalogue.ts';
import { getJson, sendJson, startApi } from '../support/api.ts';
import { adminHeaders } from '../support/operators.ts';
import { embeddedBackend, mongoBackend, type Backend } from '../support/backends.ts';
import { heartbeat, newChild, newHousehold, type HouseholdBox } from '../support/family.ts';

const backends: Backend[] = [embeddedBackend, mongoBackend()];
// Wednesday 14 October 2026, 10:10 in Shanghai: week 7 of the built-in autumn term (21 weeks). The fixture's
// grade-1 channel airs l-shapes from 10:00 and aired l-poem and l-shapes every half hour from 07:00.
const NOW = new Date('2026-10-14T02:10:00Z');

/** A child's home over the real API and store, on both backends. */
describe.each(backends)('a child’s home on the $name store', (backend) => {
  let api: RunningServer;
  let box: HouseholdBox;
  let childId: string;
  const homeOf = async (profileId: string, who: HouseholdBox = box) => {
    const answer = await getJson(api.url, `/v1/household/profiles/${profileId}/home`, {
      headers: who.headers,
    });
    expect(answer.status, JSON.stringify(answer.body)).toBe(200);
    expect(answer.headers.get('cache-control')).toBe('no-store');
    return ProfileHomeSchema.parse(answer.body);
  };
  const todayOf = (home: ProfileHome) => home.today.map((item) => `${item.id} ${item.reasonCode}`);
  const setControls = async (change: Record<string, unknown>) => {
    const household = (await getJson(api.url, '/v1/household', { headers: box.headers })).body;
    const controls = household.profiles.find((profile: { id: string }) => profile.id === childId).controls;
    const path = `/v1/household/profiles/${childId}/controls`;
    const answer = await sendJson(api.url, path, 'PUT', { ...controls, ...change }, box.headers);
    expect(answer.status).toBe(200);
  };

  beforeAll(async () => {
    api = await startApi(await backend.open(), buildFixtureCatalogue(NOW), { clock: () => NOW });
    box = await newHousehold(api.url, { region: 'jx' });
    childId = await newChild(api.url, box.headers, 'g1');
  }, 60_000);

  afterAll(async () => {
    await api?.close();
    await backend.shutdown();
  });

  it('lists the lesson on air, the one missed today and this week’s lesson of the grade, then its rails', async () => {
    const home = await homeOf(childId);
    expect(home.profile).toMatchObject({ id: childId, gradeId: 'g1' });
    expect(todayOf(home)).toEqual(['l-shapes on-air', 'l-poem catch-up', 'l-count-5 this-week']);
    expect(home.today[0]).toMatchObject({
      channelId: 'ch-g1',
      lessonPositionSeconds: 600,
      reason: { zh: '正在直播' },
    });
    expect(home.today[1]!.reason).toEqual({ zh: '今天错过的直播课', en: 'Missed on air today' });
    // Week 7 of 21 starts at 6/21 of the 28 lessons of 数学 一年级上册 人教版: its ninth lesson.
    expect(home.today[2]!.reason.zh).toBe('本周第7周·数学');
    expect(home.rails.map((rail) => rail.id)).toEqual([
      'grade-g1',
      'subject-chinese',
      'subject-math',
      'sections',
      'channels',
    ]);
  });

  it('puts the lesson the child stopped in first, with progress on every tile of it', async () => {
    const sent = await sendJson(
      api.url,
      '/v1/household/heartbeats',
      'POST',
      { heartbeats: [heartbeat(childId, 'l-add-10', { positionSeconds: 300, durationSeconds: 1800 })] },
      box.headers,
    );
    expect(sent.status).toBe(200);
    const home = await homeOf(childId);
    expect(home.today[0]).toMatchObject({
      id: 'l-add-10',
      reasonCode: 'continue',
      reason: { zh: '上次看到5:00' },
      progress: { positionSeconds: 300, durationSeconds: 1800, completed: false },
    });
    // The tiles are the grade's, the same for every child; the child's progress of them comes beside them.
    const sentTiles = home.rails.flatMap((rail) => (rail.kind === 'lessons' ? rail.items : []));
    expect(sentTiles.every((item) => item.progress === undefined)).toBe(true);
    expect(home.progress['l-add-10']).toEqual({
      positionSeconds: 300,
      durationSeconds: 1800,
      completed: false,
    });
    const tiles = withTileProgress(home).rails.flatMap((rail) => (rail.kind === 'lessons' ? rail.items : []));
    const tile = tiles.find((item) => item.id === 'l-add-10');
    expect(tile?.progress).toEqual({ positionSeconds: 300, durationSeconds: 1800, completed: false });
    expect(tiles.find((item) => item.id === 'l-shapes-2')?.progress).toBeUndefined();
    // Another household's child of the same grade gets the same rails, and none of this child's progress.
    const other = await newHousehold(api.url, { region: 'jx' });
    const otherChild = await sendJson(
      api.url,
      '/v1/household/profiles',
      'POST',
      { name: '小红', avatar: 'panda', gradeId: 'g1' },
      other.headers,
    );
    const theirs = await homeOf(otherChild.body.id, other);
    expect(theirs.rails).toEqual(home.rails);
    expect(theirs.progress).toEqual({});
    expect(theirs.today.map((item) => item.progress)).not.toContainEqual(
      expect.objectContaining({ positionSeconds: 300 }),
    );
  });

  it('keeps today within the remaining quota and everything within the allow-list', async () => {
    // 30 minutes, 10 s used: the rest of l-add-10 (1,500 s) fits, the rest of the live lesson (300 s) does not.
    await setControls({ dailyQuotaMinutes: 30 });
    const quota = await homeOf(childId);
    expect(todayOf(quota)).toEqual(['l-add-10 continue']);
    await setControls({ dailyQuotaMinutes: null, allowList: { subjectIds: ['chinese'], sectionIds: [] } });
    const chinese = await homeOf(childId);
    expect(todayOf(chinese)).toEqual(['l-poem catch-up']);
    expect(chinese.rails.map((rail) => rail.id)).toEqual(['grade-g1', 'subject-chinese']);
    expect(chinese.rails[0]!.items.map((item) => item.id)).toEqual(['l-poem']);
    await setControls({ allowList: null });
  });

  it('sends the home as JSON, gzipped to boxes that accept it, without an ETag (no-store: nothing revalidates it)', async () => {
    const url = `${api.url}/v1/household/profiles/${childId}/home`;
    const zipped = await fetch(url, { headers: { ...box.headers, 'accept-encoding': 'gzip' } });
    expect(zipped.status).toBe(200);
    expect(zipped.headers.get('content-encoding')).toBe('gzip');
    expect(zipped.headers.get('vary')).toContain('Accept-Encoding');
    expect(zipped.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(zipped.headers.get('etag')).toBeNull();
    expect(zipped.headers.get('cache-control')).toBe('no-store');
    expect(zipped.headers.get('x-content-type-options')).toBe('nosniff');
    // The kept rails spliced in compressed: the same document as the plain answer.
    const body = ProfileHomeSchema.parse(await zipped.json());
    expect(body.profile.id).toBe(childId);
    const plain = await fetch(url, { headers: { ...box.headers, 'accept-encoding': 'identity' } });
    expect(plain.headers.get('content-encoding')).toBeNull();
    expect(ProfileHomeSchema.parse(await plain.json())).toEqual(body);
    const head = await fetch(url, { method: 'HEAD', headers: box.headers });
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
  });

  it('answers 404 for another household’s profile, 401 without a credential, 403 to a phone link', async () => {
    const other = await newHousehold(api.url);
    const answer = await getJson(api.url, `/v1/household/profiles/${childId}/home`, {
      headers: other.headers,
    });
    expect(answer.status).toBe(404);
    expect(JSON.stringify(answer.body)).not.toContain('l-add-10');
    expect((await getJson(api.url, `/v1/household/profiles/${childId}/home`)).status).toBe(401);
    const link = await sendJson(api.url, '/v1/household/phone-links', 'POST', {}, box.headers);
    const token = new URL(link.body.url).hash.replace('#t=', '');
    const phone = { authorization: `Bearer ${token}` };
    expect(
      (await getJson(api.url, `/v1/household/profiles/${childId}/home`, { headers: phone })).status,
    ).toBe(403);
  });

  it('reads the region’s school calendar when an operator sets one', async () => {
    const admin = await adminHeaders(api.url);
    const calendar = { terms: [{ start: '2026-09-28', end: '2027-01-22' }] };
    const saved = await sendJson(
      api.url,
      '/v1/operator/regions/jx/settings',
      'PUT',
      { schoolCalendar: calendar },
      admin,
    );
    expect(saved.status).toBe(200);
    const home = await homeOf(childId);
    const week = home.today.find(
      (item) => item.reasonCode === 'this-week' || item.reasonCode === 'weak-subject',
    );
    // Week 3 of a term from 28 September: the math volume's third share, l-count-0 (l-add-10 is being watched).
    expect(week?.id).toBe('l-count-0');
  });

  it('reads the region’s published timetable for the lesson on air, and the old one after a rollback', async () => {
    const operator = await adminHeaders(api.url);
    const onAir = async () => (await homeOf(childId)).today.find((item) => item.reasonCode === 'on-air')?.id;
    const releases = '/v1/operator/regions/jx/releases';
    // Release 1: the draft as it begins, a copy of the catalogue's timetable.
    expect((await sendJson(api.url, releases, 'POST', {}, operator)).status).toBe(201);
    const slots = [{ start: '2026-10-14T10:00:00+08:00', lessonId: 'l-poem' }];
    const path = '/v1/operator/regions/jx/draft/channels/ch-g1/slots';
    const written = await sendJson(api.url, path, 'PUT', { from: '2026-10-14', days: 1, slots }, operator);
    expect(written.status).toBe(200);
    expect(await onAir()).toBe('l-shapes');
    expect((await sendJson(api.url, releases, 'POST', {}, operator)).body.version).toBe(2);
    expect(await onAir()).toBe('l-poem');
    expect((await sendJson(api.url, `${releases}/1/rollback`, 'POST', {}, operator)).status).toBe(201);
    expect(await onAir()).toBe('l-shapes');
  });

  it('reads the release of the household’s carrier once activation has set one', async () => {
    const operator = await adminHeaders(api.url);
    const onAir = async () => (await homeOf(childId)).today.find((item) => item.reasonCode === 'on-air')?.id;
    const path = '/v1/operator/regions/jx/draft/channels/ch-g1/slots?carrier=cmcc';
    const slots = [{ start: '2026-10-14T10:00:00+08:00', lessonId: 'l-poem' }];
    expect(
      (await sendJson(api.url, path, 'PUT', { from: '2026-10-14', days: 1, slots }, operator)).status,
    ).toBe(200);
    const released = await sendJson(
      api.url,
      '/v1/operator/regions/jx/releases',
      'POST',
      { carrier: 'cmcc' },
      operator,
    );
    expect(released.body).toMatchObject({ region: 'jx', carrier: 'cmcc' });
    // No carrier on the household: the region's release for every carrier.
    expect(await onAir()).toBe('l-shapes');
    const household = (await api.stores.households.get(box.householdId))!;
    await api.stores.households.save({ ...household, carrier: 'cmcc' });
    expect(await onAir()).toBe('l-poem');
    await api.stores.households.save({ ...household, carrier: 'ctcc' });
    expect(await onAir()).toBe('l-shapes');
  });
});
