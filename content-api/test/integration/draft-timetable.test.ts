import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../src/server.ts';
import { buildFixtureCatalogue } from '../fixtures/catalogue.ts';
import { getJson, sendJson, startApi } from '../support/api.ts';
import { embeddedBackend } from '../support/backends.ts';
import { bearer, operatorTokens } from '../support/operators.ts';

// Monday 7 December 2026, 08:00 in Asia/Shanghai.
const NOW = new Date('2026-12-07T00:00:00Z');
const DRAFT = '/v1/operator/regions/jx/draft/channels';

/** Building a week: draft channels and their slots, validated all or nothing (issue 13). */
describe('a draft timetable', () => {
  let api: RunningServer;
  let headers: Record<string, string>;
  const slotsOf = async (from: string, days = 7) =>
    (await getJson(api.url, `${DRAFT}/ch-g1/slots?from=${from}&days=${days}`, { headers })).body.items as {
      start: string;
      end: string;
      lessonId: string;
      lesson?: { durationSeconds: number };
    }[];

  beforeAll(async () => {
    api = await startApi(await embeddedBackend.open(), buildFixtureCatalogue(NOW), { clock: () => NOW });
    headers = bearer((await operatorTokens(api.url, ['scheduler'])).scheduler!);
  }, 60_000);
  afterAll(async () => {
    await api?.close();
    await embeddedBackend.shutdown();
  });

  it("begins as a copy of what the scope's devices see (the catalogue's channel and slots)", async () => {
    const channels = await getJson(api.url, DRAFT, { headers });
    expect(channels.status).toBe(200);
    expect(channels.body.items).toEqual([
      expect.objectContaining({
        id: 'ch-g1',
        gradeIds: ['g1'],
        timeZone: 'Asia/Shanghai',
        catchUpHours: 168,
      }),
    ]);
    expect(await slotsOf('2026-12-06', 2)).toHaveLength(12);
  });

  it('replaces the days written; an end defaults to the lesson’s duration; a repeat copies the weekdays', async () => {
    const written = await sendJson(
      api.url,
      `${DRAFT}/ch-g1/slots`,
      'PUT',
      {
        from: '2026-12-07',
        days: 2,
        slots: [
          { start: '2026-12-07T08:00:00+08:00', lessonId: 'l-shapes' },
          { start: '2026-12-07T08:30:00+08:00', end: '2026-12-07T09:00:00+08:00', lessonId: 'l-poem' },
          { start: '2026-12-08T10:00:00+08:00', lessonId: 'l-add-10' },
        ],
        repeat: { weekdays: [1], until: '2026-12-21' },
      },
      headers,
    );
    expect(written.status).toBe(200);
    expect(written.body.items).toHaveLength(3);
    expect(written.body.items[0]).toMatchObject({
      start: '2026-12-07T00:00:00.000Z',
      end: '2026-12-07T00:15:00.000Z',
      lesson: { durationSeconds: 900, playable: true },
    });
    // The fixture's slots of 7 December (Shanghai) are replaced; Tuesday keeps its one slot only.
    expect((await slotsOf('2026-12-07', 2)).map((slot) => slot.start)).toEqual([
      '2026-12-07T00:00:00.000Z',
      '2026-12-07T00:30:00.000Z',
      '2026-12-08T02:00:00.000Z',
    ]);
    // Mondays 14 and 21 December get Monday's pattern; the Tuesdays after do not.
    const later = await slotsOf('2026-12-14', 8);
    expect(later.map((slot) => slot.start)).toEqual([
      '2026-12-14T00:00:00.000Z',
      '2026-12-14T00:30:00.000Z',
      '2026-12-21T00:00:00.000Z',
      '2026-12-21T00:30:00.000Z',
    ]);
  });

  it('reports every problem by slot and writes nothing when one is wrong', async () => {
    const before = await slotsOf('2026-12-07', 2);
    const answer = await sendJson(
      api.url,
      `${DRAFT}/ch-g1/slots`,
      'PUT',
      {
        from: '2026-12-07',
        days: 1,
        slots: [
          { start: '2026-12-07T08:00:00+08:00', lessonId: 'l-shapes' },
          { start: '2026-12-07T08:10:00+08:00', lessonId: 'l-poem' },
          { start: '2026-12-07T09:00:00+08:00', lessonId: 'no-such-lesson' },
          { start: '2026-12-08T09:00:00+08:00', lessonId: 'l-poem' },
          { start: '2026-12-07T11:00:00+08:00', end: '2026-12-07T10:00:00+08:00', lessonId: 'l-poem' },
        ],
      },
      headers,
    );
    expect(answer.status).toBe(400);
    expect(answer.body.error.code).toBe('invalid_request');
    expect(answer.body.error.details).toEqual([
      { path: 'body.slots.1.start', message: 'overlaps slots.0 (08:00–08:15)', index: 1 },
      { path: 'body.slots.2.lessonId', message: 'unknown lesson "no-such-lesson"', index: 2 },
      { path: 'body.slots.3.start', message: expect.stringContaining('outside the days written'), index: 3 },
      { path: 'body.slots.4.end', message: 'a slot must end after it starts', index: 4 },
    ]);
    expect(await slotsOf('2026-12-07', 2)).toEqual(before);
  });

  it('checks a channel’s grades and answers 404 for a channel the draft does not have', async () => {
    const body = { title: { zh: '二年级频道' }, gradeIds: ['g2', 'g9'], catchUpHours: 48, order: 1 };
    const bad = await sendJson(api.url, `${DRAFT}/ch-g2`, 'PUT', body, headers);
    expect(bad.status).toBe(400);
    expect(bad.body.error.details).toEqual([{ path: 'body.gradeIds.1', message: 'unknown grade "g9"' }]);
    const good = await sendJson(api.url, `${DRAFT}/ch-g2`, 'PUT', { ...body, gradeIds: ['g2'] }, headers);
    expect(good.status).toBe(200);
    expect(good.body).toMatchObject({
      id: 'ch-g2',
      kind: 'linear',
      timeZone: 'Asia/Shanghai',
      catchUpHours: 48,
    });
    expect((await getJson(api.url, `${DRAFT}/ch-g9/slots?from=2026-12-07`, { headers })).status).toBe(404);
    const changes = await getJson(api.url, '/v1/operator/regions/jx/draft/changes', { headers });
    expect(changes.body).toMatchObject({
      against: null,
      channels: { added: ['ch-g2'], changed: [], removed: [] },
      hasChanges: true,
    });
    expect(changes.body.slots[0].channelId).toBe('ch-g1');
    expect((await sendJson(api.url, `${DRAFT}/ch-g2`, 'DELETE', undefined, headers)).status).toBe(204);
    expect((await sendJson(api.url, `${DRAFT}/ch-g2`, 'DELETE', undefined, headers)).status).toBe(404);
  });
});
