import { PackagedAssetSchema } from '@ketang/catalog';
import { z } from 'zod';
import {
  ChannelListSchema,
  FacetTreeSchema,
  HomeSchema,
  LessonDetailSchema,
  LessonPageSchema,
  OnAirSchema,
  SearchResultSchema,
  SectionListSchema,
  SectionOutputSchema,
  TextbookDetailSchema,
  TimetableSchema,
} from '@ketang/contract';
import { answer, type OperationDoc, type OperationDocs } from './responses.ts';

const UNKNOWN = { '404': 'No such resource (or hidden in this region)' };

function read(summary: string, schema: z.ZodType, errors: Record<string, string> = {}): OperationDoc {
  return { summary, tags: ['catalogue'], ok: answer('200', summary, schema), errors };
}

/** The catalogue and live reads boxes make, the pictures, playback events and the service's own paths. */
export const deviceOperations: OperationDocs = {
  'GET /healthz': {
    summary: 'Liveness: the process answers',
    tags: ['service'],
    ok: answer('200', 'Alive', z.object({ status: z.literal('ok') })),
  },
  'GET /readyz': {
    summary: 'Readiness: the store answers and its indexes exist',
    tags: ['service'],
    ok: {
      ...answer('200', 'Ready', z.object({ status: z.literal('ready'), store: z.string() })),
      ...answer(
        '503',
        'Starting, or the store is unavailable',
        z.object({ status: z.string(), store: z.string() }),
      ),
    },
  },
  'GET /v1/openapi.json': {
    summary: 'This document (OpenAPI 3.1)',
    tags: ['service'],
    ok: { '200': { description: 'The OpenAPI document', content: { 'application/json': {} } } },
  },
  'GET /v1/docs': {
    summary: 'This document as a page for people (Swagger UI, served offline)',
    tags: ['service'],
    ok: { '200': { description: 'An HTML page', content: { 'text/html': {} } } },
  },
  'GET /v1/docs/{file}': {
    summary: "The docs page's script, style sheet and icon",
    tags: ['service'],
    ok: {
      '200': {
        description: 'The file',
        content: { 'text/javascript': {}, 'text/css': {}, 'image/png': {} },
      },
    },
  },
  'GET /v1/facets': read(
    'The facet tree (stage → grade → subject → edition → volume) with lesson counts',
    FacetTreeSchema,
  ),
  'GET /v1/textbooks/{id}': read('A textbook with its unit tree', TextbookDetailSchema, UNKNOWN),
  'GET /v1/lessons': read('Lessons in textbook order, filtered by facets, unit or section', LessonPageSchema),
  'GET /v1/lessons/{id}': read(
    'One lesson with periods, documents, playability and playback',
    LessonDetailSchema,
    UNKNOWN,
  ),
  'GET /v1/sections': read('Sections beyond textbooks (课后服务, 家庭教育…)', SectionListSchema),
  'GET /v1/sections/{id}': read('One section', SectionOutputSchema, UNKNOWN),
  'GET /v1/channels': read('Channels, with what linear channels have on air now and next', ChannelListSchema),
  'GET /v1/channels/{id}/timetable': read(
    "A channel's timetable for a day in its time zone",
    TimetableSchema,
    UNKNOWN,
  ),
  'GET /v1/channels/{id}/now': read(
    'What a channel has on air now, and how far into it',
    OnAirSchema,
    UNKNOWN,
  ),
  'GET /v1/search': read(
    'Search titles and subjects: Chinese, full pinyin or pinyin initials',
    SearchResultSchema,
  ),
  'GET /v1/home': read('The rails a TV shows first', HomeSchema),
  'GET /v1/images/{key}': {
    summary: 'A picture the API linked (thumbnailUrl, coverUrl, logoUrl), at one of the allowed sizes',
    tags: ['catalogue'],
    ok: {
      '200': {
        description: 'The picture; immutable, with an ETag',
        content: { 'image/webp': { schema: { type: 'string', format: 'binary' } }, 'image/jpeg': {} },
      },
      '304': { description: 'Not modified (If-None-Match)' },
    },
    errors: {
      '404': 'No such picture, or its packaged poster is missing',
      '413': 'The upstream picture is too large',
      '415': 'The upstream body is not a decodable raster image',
      '502': 'The upstream host is refused, unreachable or too slow',
    },
  },
  'POST /v1/events': {
    summary: "Report playback quality statistics; the device id is the credential's",
    tags: ['device'],
    ok: answer('202', 'Accepted', z.object({ accepted: z.literal(true), id: z.string() })),
  },
};

/** The packager's registration lives under /v1/operator but is documented with the assets. */
export const assetOperations: OperationDocs = {
  'PUT /v1/operator/assets/{id}': {
    summary: 'Register a packaged asset (the packager, with the service token; or an admin or curator)',
    tags: ['operator'],
    ok: {
      ...answer('200', 'Replaced', PackagedAssetSchema),
      ...answer('201', 'Registered', PackagedAssetSchema),
    },
  },
  'GET /v1/operator/assets/{id}': {
    summary: 'A registered packaged asset',
    tags: ['operator'],
    ok: answer('200', 'The asset', PackagedAssetSchema),
    errors: { '404': 'No such asset' },
  },
};
