// The fixture server stands in for the content API: every answer it gives the TV, and the benchmark's large
// home, must be a valid answer under the one contract (@ketang/contract), with no field the contract lacks.
import {
  ChannelListSchema,
  ErrorResponseSchema,
  EventAcceptedSchema,
  FacetTreeSchema,
  HomeSchema,
  LessonDetailSchema,
  LessonPageSchema,
  OnAirSchema,
  HeartbeatAnswerSchema,
  SearchResultSchema,
  TextbookDetailSchema,
  TimetableSchema,
} from '@ketang/contract';
import type { z } from 'zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeLargeHome } from '../bench/tv/home-30x50.ts';
import { startFixtureServer, type FixtureServer } from './fixture-server.ts';

/** The parse must succeed and strip nothing (response schemas drop unknown keys). */
function expectContractAnswer(schema: z.ZodType, data: unknown): void {
  const result = schema.safeParse(data);
  expect(result.error?.issues ?? []).toEqual([]);
  expect(result.data).toStrictEqual(data);
}

const READS: [string, z.ZodType][] = [
  ['/v1/home', HomeSchema],
  ['/v1/facets', FacetTreeSchema],
  ['/v1/textbooks/tb-math-1a', TextbookDetailSchema],
  ['/v1/lessons?unit=u1', LessonPageSchema],
  ['/v1/lessons/l-chinese-1', LessonDetailSchema],
  ['/v1/lessons/l-math-1', LessonDetailSchema],
  ['/v1/channels', ChannelListSchema],
  ['/v1/channels/c-1/timetable', TimetableSchema],
  ['/v1/channels/c-1/now', OnAirSchema],
  ['/v1/search?q=sx', SearchResultSchema],
  ['/v1/search?q=yw', SearchResultSchema],
];

describe('the fixture server answers as the contract says', () => {
  let server: FixtureServer;
  beforeAll(async () => {
    server = await startFixtureServer();
  });
  afterAll(() => server?.close());

  it.each(READS)('GET %s', async (path, schema) => {
    const response = await fetch(`${server.url}${path}`);
    expect(response.status).toBe(200);
    expectContractAnswer(schema, await response.json());
  });

  it('answers an unknown path with the error shape', async () => {
    const response = await fetch(`${server.url}/v1/nothing-here`);
    expect(response.status).toBe(404);
    expectContractAnswer(ErrorResponseSchema, await response.json());
  });

  it('accepts a valid playback event and heartbeats, and rejects what the API would', async () => {
    const send = (method: string, path: string, body: unknown) =>
      fetch(`${server.url}${path}`, { method, body: JSON.stringify(body) });
    const event = { lessonId: 'l-math-1', kind: 'playback', stats: { stalls: 0 } };
    const accepted = await send('POST', '/v1/events', event);
    expect(accepted.status).toBe(202);
    expectContractAnswer(EventAcceptedSchema, await accepted.json());
    const heartbeat = {
      id: '0b6f5a58-8f0e-4b8e-9d2b-2f6d0f1c9a11',
      profileId: 'p-fixture',
      lessonId: 'l-math-1',
      positionSeconds: 30,
      durationSeconds: 1620,
      watchedSeconds: 20,
      reason: 'tick',
      at: new Date().toISOString(),
    };
    const taken = await send('POST', '/v1/household/heartbeats', { heartbeats: [heartbeat] });
    expectContractAnswer(HeartbeatAnswerSchema, await taken.json());
    expect(server.heartbeats).toEqual([heartbeat]);
    const rejected = await send('POST', '/v1/events', { ...event, stats: { stalls: -1 } });
    expect(rejected.status).toBe(400);
    expectContractAnswer(ErrorResponseSchema, await rejected.json());
    expect(server.events).toEqual([event]);
  });

  it("the benchmark's large home is a valid home", () => {
    expectContractAnswer(HomeSchema, makeLargeHome(2, 3));
  });
});
