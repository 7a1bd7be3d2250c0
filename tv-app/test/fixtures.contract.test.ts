// Every device-API and family-API fixture the TV's tests and the fixture server use is a valid answer under the one contract
// (@ketang/contract), and carries no field the contract lacks. Tests may import the schemas; the app may not.
import { readdirSync } from 'node:fs';
import path from 'node:path';
import {
  ChannelListSchema,
  ErrorResponseSchema,
  FacetTreeSchema,
  HomeSchema,
  HouseholdSchema,
  LessonDetailSchema,
  LessonPageSchema,
  OnAirSchema,
  SearchResultSchema,
  TextbookDetailSchema,
  TimetableSchema,
} from '@ketang/contract';
import type { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { loadFixture } from './fixtures.ts';

/** Which endpoint's answer each fixture stands for (docs/device-api.md). */
const FIXTURE_SCHEMAS: Record<string, z.ZodType> = {
  'channel-now.json': OnAirSchema,
  'channels.json': ChannelListSchema,
  'error-not-found.json': ErrorResponseSchema,
  'facets.json': FacetTreeSchema,
  'home.json': HomeSchema,
  'household.json': HouseholdSchema,
  'lesson-playable.json': LessonDetailSchema,
  'lesson-unplayable.json': LessonDetailSchema,
  'lessons-page.json': LessonPageSchema,
  'search-sx.json': SearchResultSchema,
  'textbook.json': TextbookDetailSchema,
  'timetable.json': TimetableSchema,
};

/** Parses strictly in effect: the parse must succeed and strip nothing (response schemas drop unknown keys). */
function expectContractAnswer(schema: z.ZodType, data: unknown): void {
  const result = schema.safeParse(data);
  expect(result.error?.issues ?? []).toEqual([]);
  expect(result.data).toStrictEqual(data);
}

describe('TV fixtures follow the device contract', () => {
  it('names a schema for every fixture file', () => {
    const files = readdirSync(path.join(import.meta.dirname, 'fixtures')).filter((f) => f.endsWith('.json'));
    expect(files.sort()).toEqual(Object.keys(FIXTURE_SCHEMAS).sort());
  });

  it.each(Object.entries(FIXTURE_SCHEMAS))('%s', (name, schema) => {
    expectContractAnswer(schema, loadFixture(name));
  });
});
