import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UsageSchema } from '../../src/schemas/progress.schema.ts';
import { WeekReportSchema } from '../../src/schemas/report.schema.ts';
import type { RunningServer } from '../../src/server.ts';
import { buildFixtureCatalogue } from '../fixtures/catalogue.ts';
import { getJson, startApi } from '../support/api.ts';
import { embeddedBackend, mongoBackend, type Backend } from '../support/backends.ts';
import { heartbeat, newHousehold, type HouseholdBox } from '../support/family.ts';

const backends: Backend[] = [embeddedBackend, mongoBackend()];
const MINUTE = 60_000;
const OPEN_CONTROLS = {
  dailyQuotaMinutes: null,
  breakEveryMinutes: 120,
  breakMinutes: 5,
  bedtime: null,
  allowList: null,
};

/** Usage by server time, quota, breaks, bedtime, the PIN, phone links and the week report, on both backends. */
describe.each(backends)('parental care on the $name store', (backend) => {
  let api: RunningServer;
  let base: string;
  let now: Date;
  let home: HouseholdBox;
  let childId: string;

  const at = (iso: string) => (now = new Date(iso));
  const later = (ms: number) => (now = new Date(now.getTime() + ms));
  const call = (
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = home.headers,
  ) =>
    getJson(base, path, {
      method,
      headers: { 'content-type': 'application/json', ...headers },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  const watch = async (seconds: number, lessonId = 'l-shapes') => {
    const { status, body } = await call('POST', '/v1/household/heartbeats', {
      heartbeats: [heartbeat(childId, lessonId, { watchedSeconds: seconds })],
    });
    expect(status).toBe(200);
    return UsageSchema.parse(body.usage[0]);
  };
  const usage = async () =>
    UsageSchema.parse((await call('GET', `/v1/household/profiles/${childId}/usage`)).body);
  const controls = (fields: Record<string, unknown>, headers?: Record<string, string>) =>
    call('PUT', `/v1/household/profiles/${childId}/controls`, { ...OPEN_CONTROLS, ...fields }, headers);

  beforeAll(async () => {
    at('2026-03-02T02:00:00Z'); // Monday 10:00 in Asia/Shanghai
    api = await startApi(await backend.open(), buildFixtureCatalogue(), { clock: () => now });
    base = api.url;
    home = await newHousehold(base);
    childId = (
      await call('POST', '/v1/household/profiles', { name: '小芳', avatar: 'rabbit', gradeId: 'g1' })
    ).body.id;
  }, 60_000);

  afterAll(async () => {
    await api?.close();
    await backend.shutdown();
  });

  it("counts usage on the household's local day by server time; the box's clock changes nothing", async () => {
    at('2026-03-02T15:50:00Z'); // 23:50 local
    const sent = heartbeat(childId, 'l-shapes', { watchedSeconds: 60, at: '2030-01-01T12:00:00Z' });
    const { body } = await call('POST', '/v1/household/heartbeats', { heartbeats: [sent] });
    expect(body.usage[0]).toMatchObject({
      date: '2026-03-02',
      usedSeconds: 60,
      serverTime: now.toISOString(),
    });
    at('2026-03-02T16:10:00Z'); // 00:10 local: a new day
    expect(await usage()).toMatchObject({ date: '2026-03-03', usedSeconds: 0 });
    expect(await watch(30)).toMatchObject({ date: '2026-03-03', usedSeconds: 30 });
  });

  it('stops at the daily quota; a parent extension gives minutes back', async () => {
    at('2026-03-04T02:00:00Z');
    expect((await controls({ dailyQuotaMinutes: 5 })).status).toBe(200);
    expect(await watch(200)).toMatchObject({ quotaSeconds: 300, remainingSeconds: 100, allowed: true });
    expect(await watch(120)).toMatchObject({ remainingSeconds: 0, allowed: false });
    const extended = await call('POST', `/v1/household/profiles/${childId}/usage/extensions`, {
      minutes: 10,
    });
    expect(extended.body).toMatchObject({ quotaSeconds: 900, remainingSeconds: 580, allowed: true });
    const bad = await call('POST', `/v1/household/profiles/${childId}/usage/extensions`, { minutes: 1000 });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details[0].path).toBe('body.minutes');
    expect((await usage()).quotaSeconds).toBe(900);
  });

  it('starts an eye-rest break on the server, ends it on time, and a parent can end it early', async () => {
    at('2026-03-05T02:00:00Z');
    await controls({ breakEveryMinutes: 10, breakMinutes: 5 });
    expect(await watch(590)).toMatchObject({ secondsSinceBreak: 590, breakDue: false, allowed: true });
    const breaking = await watch(15);
    expect(breaking).toMatchObject({ breakDue: true, allowed: false, secondsSinceBreak: 0 });
    expect(breaking.breakEndsAt).toBe(new Date(now.getTime() + 5 * MINUTE).toISOString());
    later(4 * MINUTE);
    expect((await usage()).breakDue).toBe(true);
    later(MINUTE);
    expect(await usage()).toMatchObject({ breakDue: false, breakEndsAt: null, allowed: true });
    await watch(600);
    const skipped = await call('POST', `/v1/household/profiles/${childId}/break-skips`);
    expect(skipped.body).toMatchObject({ breakDue: false, allowed: true, secondsSinceBreak: 0 });
  });

  it('keeps the bedtime window in the household time zone, across midnight', async () => {
    await controls({ bedtime: { start: '21:00', end: '07:00' } });
    for (const [iso, bedtime] of [
      ['2026-03-06T12:59:00Z', false], // 20:59
      ['2026-03-06T13:00:00Z', true], // 21:00
      ['2026-03-06T22:59:00Z', true], // 06:59 next day
      ['2026-03-06T23:00:00Z', false], // 07:00
    ] as const) {
      at(iso);
      expect(await usage(), iso).toMatchObject({ bedtime, allowed: !bedtime });
    }
    const bad = await controls({ bedtime: { start: '25:00', end: '07:00' } });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details[0].path).toBe('body.bedtime.start');
    const unknown = await controls({ allowList: { subjectIds: ['math', 'cooking'], sectionIds: [] } });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.details[0]).toMatchObject({ path: 'body.allowList.subjectIds' });
    await controls({});
  });

  it('guards parent writes with the PIN once set, and locks after 5 wrong tries for 60 s', async () => {
    at('2026-03-07T02:00:00Z');
    expect((await call('POST', '/v1/household/pin/checks', { pin: '1234' })).body.error.code).toBe(
      'pin_not_set',
    );
    expect((await call('PUT', '/v1/household/pin', { pin: '12a4' })).status).toBe(400);
    expect((await call('PUT', '/v1/household/pin', { pin: '2468' })).status).toBe(204);
    expect((await call('GET', '/v1/household')).body.pinSet).toBe(true);
    expect(JSON.stringify(await api.stores.backend.collection('households').find({}))).not.toContain('2468');

    const withPin = (pin: string) => ({ ...home.headers, 'x-parental-pin': pin });
    expect((await controls({ dailyQuotaMinutes: 30 })).body.error.code).toBe('pin_required');
    expect((await controls({ dailyQuotaMinutes: 30 }, withPin('1111'))).body.error.code).toBe('pin_wrong');
    expect((await controls({ dailyQuotaMinutes: 30 }, withPin('2468'))).status).toBe(200);
    const changeWithout = await call('PUT', '/v1/household/pin', { pin: '1357' });
    expect(changeWithout.body.error.code).toBe('pin_required');

    for (let tries = 0; tries < 5; tries += 1) {
      const wrong = await call('POST', '/v1/household/pin/checks', { pin: '0000' });
      expect(wrong.status).toBe(403);
    }
    const locked = await call('POST', '/v1/household/pin/checks', { pin: '2468' });
    expect(locked.status).toBe(429);
    expect(locked.body.error.code).toBe('pin_locked');
    expect(locked.headers.get('retry-after')).toBe('60');
    expect((await controls({}, withPin('2468'))).status).toBe(429);
    later(61_000);
    expect((await call('POST', '/v1/household/pin/checks', { pin: '2468' })).status).toBe(204);
    expect((await controls({}, withPin('2468'))).status).toBe(200);
  });

  it('mints a phone link the API accepts as the parent for 30 minutes, without a PIN', async () => {
    at('2026-03-08T02:00:00Z');
    const minted = await call('POST', '/v1/household/phone-links');
    expect(minted.status).toBe(201);
    expect(minted.body.expiresAt).toBe(new Date(now.getTime() + 30 * MINUTE).toISOString());
    const token = String(minted.body.url).split('#t=')[1]!;
    expect(minted.body.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/family\/#t=pl\./);
    const phone = { authorization: `Bearer ${token}` };
    expect((await call('GET', '/v1/household', undefined, phone)).body.profiles[0].id).toBe(childId);
    expect((await controls({ dailyQuotaMinutes: 60 }, phone)).status).toBe(200);
    expect((await call('PUT', '/v1/household/pin', { pin: '9753' }, phone)).status).toBe(204); // reset
    // Box-only actions stay the box's.
    expect((await call('POST', '/v1/household/phone-links', undefined, phone)).status).toBe(403);
    const beats = { heartbeats: [heartbeat(childId, 'l-shapes')] };
    expect((await call('POST', '/v1/household/heartbeats', beats, phone)).status).toBe(403);
    // A tampered token is no token.
    const tampered = { authorization: `Bearer ${token.slice(0, -2)}xx` };
    expect((await call('GET', '/v1/household', undefined, tampered)).status).toBe(401);
    later(30 * MINUTE);
    expect((await call('GET', '/v1/household', undefined, phone)).status).toBe(401);
  });

  it('reports a week: seconds per subject per day, completed lessons, streak and next lessons', async () => {
    const pin = { ...home.headers, 'x-parental-pin': '9753' };
    await controls({}, pin);
    at('2026-03-09T02:00:00Z'); // the Monday after
    await watch(100, 'l-shapes');
    await watch(50, 'l-poem');
    at('2026-03-10T02:00:00Z');
    await call('POST', '/v1/household/heartbeats', {
      heartbeats: [
        heartbeat(childId, 'l-shapes', { watchedSeconds: 40, positionSeconds: 880, durationSeconds: 900 }),
      ],
    });
    const { status, body } = await call('GET', `/v1/household/report?profileId=${childId}&week=2026-03-11`);
    expect(status).toBe(200);
    const report = WeekReportSchema.parse(body);
    expect(report.week).toEqual({ start: '2026-03-09', end: '2026-03-15' });
    expect(report.days).toHaveLength(7);
    expect(report.days[0]!.subjects).toEqual(
      expect.arrayContaining([
        { subjectId: 'math', name: { zh: '数学', en: 'Mathematics' }, seconds: 100 },
        { subjectId: 'chinese', name: { zh: '语文', en: 'Chinese' }, seconds: 50 },
      ]),
    );
    expect(report.days[1]).toMatchObject({ date: '2026-03-10', seconds: 40 });
    expect(report.totalSeconds).toBe(190);
    expect(report.completedLessons.map((lesson) => lesson.id)).toEqual(['l-shapes']);
    expect(report.streakDays).toBe(2);
    expect(report.nextLessons.map((lesson) => lesson.id)).toEqual(['l-shapes-2', 'l-poem']);
    const earlier = WeekReportSchema.parse(
      (await call('GET', `/v1/household/report?profileId=${childId}&week=2026-03-02`)).body,
    );
    expect(earlier.completedLessons).toEqual([]);
    expect(earlier.totalSeconds).toBeGreaterThan(0);
    const bad = await call('GET', `/v1/household/report?profileId=${childId}&week=2026-02-30`);
    expect(bad.status).toBe(400);
  });
});
