import { PackagedAssetSchema } from '@ketang/catalog';
import type { z } from 'zod';
import { createDocument, type ZodOpenApiOperationObject, type ZodOpenApiPathsObject } from 'zod-openapi';
import {
  ChannelListSchema,
  OnAirSchema,
  TimetableQuerySchema,
  TimetableSchema,
  FacetTreeSchema,
  TextbookDetailSchema,
  HomeQuerySchema,
  HomeSchema,
  LessonDetailSchema,
  LessonDetailQuerySchema,
  LessonListQuerySchema,
  LessonPageSchema,
  SearchQuerySchema,
  SearchResultSchema,
  SectionListSchema,
  SectionOutputSchema,
  ErrorResponseSchema,
  IdParamsSchema,
  RegionQuerySchema,
  ImageParamsSchema,
  ImageQuerySchema,
} from '@ketang/contract';
import { familyPaths } from './family-paths.ts';
import { errors, json } from './responses.ts';

function read(summary: string, schema: z.ZodType, params: ZodOpenApiOperationObject['requestParams'] = {}) {
  return {
    get: {
      summary,
      requestParams: params,
      responses: {
        '200': json(schema, summary),
        '404': json(ErrorResponseSchema, 'Unknown resource'),
        ...errors,
      },
    },
  };
}

function write(
  method: 'put' | 'post',
  summary: string,
  body: z.ZodType,
  answer: z.ZodType,
  path?: z.ZodObject,
) {
  return {
    [method]: {
      summary,
      requestParams: path ? { path } : {},
      requestBody: { content: { 'application/json': { schema: body } } },
      responses: {
        [method === 'post' ? '202' : '200']: json(answer, summary),
        '413': json(ErrorResponseSchema, 'Body too large'),
        '415': json(ErrorResponseSchema, 'Body is not application/json'),
        ...errors,
      },
    },
  };
}

const paths: ZodOpenApiPathsObject = {
  '/v1/facets': read(
    'The facet tree (stage → grade → subject → edition → volume) with lesson counts',
    FacetTreeSchema,
    { query: RegionQuerySchema },
  ),
  '/v1/textbooks/{id}': read('A textbook with its unit tree', TextbookDetailSchema, {
    path: IdParamsSchema,
    query: RegionQuerySchema,
  }),
  '/v1/lessons': read('Lessons in textbook order, filtered by facets, unit or section', LessonPageSchema, {
    query: LessonListQuerySchema,
  }),
  '/v1/lessons/{id}': read(
    'One lesson with periods, documents, playability and what this box plays (decided for its codec families)',
    LessonDetailSchema,
    { path: IdParamsSchema, query: LessonDetailQuerySchema },
  ),
  '/v1/sections': read('Sections beyond textbooks (课后服务, 家庭教育…)', SectionListSchema, {
    query: RegionQuerySchema,
  }),
  '/v1/sections/{id}': read('One section', SectionOutputSchema, {
    path: IdParamsSchema,
    query: RegionQuerySchema,
  }),
  '/v1/channels': read('Channels, with what linear channels have on air now and next', ChannelListSchema, {
    query: RegionQuerySchema,
  }),
  '/v1/channels/{id}/timetable': read("A channel's timetable for a day in its time zone", TimetableSchema, {
    path: IdParamsSchema,
    query: TimetableQuerySchema,
  }),
  '/v1/channels/{id}/now': read('What a channel has on air now, and how far into it', OnAirSchema, {
    path: IdParamsSchema,
    query: RegionQuerySchema,
  }),
  '/v1/search': read(
    'Search titles and subjects: Chinese, full pinyin or pinyin initials',
    SearchResultSchema,
    {
      query: SearchQuerySchema,
    },
  ),
  '/v1/home': read('The rails a TV shows first', HomeSchema, { query: HomeQuerySchema }),
  '/v1/images/{key}': {
    get: {
      summary: 'A picture the API linked (thumbnailUrl, coverUrl, logoUrl), at one of the allowed sizes',
      requestParams: { path: ImageParamsSchema, query: ImageQuerySchema },
      responses: {
        '200': {
          description: 'The picture; immutable, with an ETag',
          content: { 'image/webp': { schema: { type: 'string', format: 'binary' } }, 'image/jpeg': {} },
        },
        '304': { description: 'Not modified (If-None-Match)' },
        '404': json(ErrorResponseSchema, 'The packaged poster is missing'),
        '413': json(ErrorResponseSchema, 'The upstream picture is too large'),
        '415': json(ErrorResponseSchema, 'The upstream body is not a decodable raster image'),
        '502': json(ErrorResponseSchema, 'The upstream host is refused, unreachable or too slow'),
        ...errors,
      },
    },
  },
  '/v1/operator/assets/{id}': write(
    'put',
    'Register a packaged asset (operator token)',
    PackagedAssetSchema,
    PackagedAssetSchema,
    IdParamsSchema,
  ),
};

/** The OpenAPI 3.1 document, generated from the same zod schemas that validate requests. */
export function createOpenApiDocument() {
  return createDocument({
    openapi: '3.1.0',
    info: {
      title: 'Ketang content API',
      version: '1.0.0',
      description:
        'What set-top boxes and operators read and write. Errors: {"error":{"code","message","details"}}. ' +
        'On every path: 405 with Allow for a method the path does not declare; 408 for a client too slow to ' +
        'send its request; every write (POST, PUT, PATCH, DELETE) is limited per address (429 rate_limited ' +
        'with Retry-After); 503 timeout when a handler runs past its deadline (docs/security.md).',
    },
    paths: { ...paths, ...familyPaths },
    components: {
      securitySchemes: {
        household: {
          type: 'http',
          scheme: 'bearer',
          description: 'A box credential from POST /v1/households, or a phone link token',
        },
      },
    },
  });
}
