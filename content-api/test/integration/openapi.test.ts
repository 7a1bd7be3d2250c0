// The OpenAPI document is read off the app's routes: every route (device, family, operator) with the schemas
// its validation uses and the statuses its middleware and service answer. Embedded store.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import express from 'express';
import { z } from 'zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CreateProfileBodySchema, LessonListQuerySchema, RuleParamsSchema } from '@ketang/contract';
import { createOpenApiDocument, findDrift } from '../../src/openapi/document.ts';
import { listRoutes } from '../../src/openapi/route-inventory.ts';
import { validate } from '../../src/middleware/validate.ts';
import type { RunningServer } from '../../src/server.ts';
import { getJson, startApi } from '../support/api.ts';

type Operation = {
  security?: Record<string, string[]>[];
  parameters?: { name: string; in: string; required?: boolean; schema: Record<string, unknown> }[];
  requestBody?: { required?: boolean; content: Record<string, { schema: unknown }> };
  responses: Record<string, unknown>;
};
type Document = { paths: Record<string, Record<string, Operation>>; components: Record<string, never> };

const METHODS = ['get', 'head', 'put', 'post', 'patch', 'delete'];

describe('the OpenAPI document', () => {
  let api: RunningServer;
  let document: Document;
  const dataDir = mkdtempSync(path.join(tmpdir(), 'ketang-openapi-'));

  beforeAll(async () => {
    api = await startApi({ dataDir });
    document = (await getJson(api.url, '/v1/openapi.json')).body as Document;
  }, 60_000);

  afterAll(async () => {
    await api?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const operations = () =>
    Object.entries(document.paths).flatMap(([path, item]) =>
      Object.entries(item)
        .filter(([method]) => METHODS.includes(method))
        .map(([method, operation]) => ({
          key: `${method.toUpperCase()} ${path}`,
          operation,
        })),
    );

  it('lists every operator route with the operator bearer scheme, 401 and 403 where a role decides', () => {
    const operator = operations().filter(({ key }) => key.includes(' /v1/operator/'));
    expect(operator.map(({ key }) => key)).toEqual(
      expect.arrayContaining([
        'POST /v1/operator/sessions',
        'POST /v1/operator/operators',
        'GET /v1/operator/operators',
        'GET /v1/operator/audit',
        'POST /v1/operator/sync',
        'PUT /v1/operator/regions/{region}/lessons/{id}',
        'PUT /v1/operator/regions/{region}/units/{id}',
        'PUT /v1/operator/regions/{region}/textbooks/{id}',
        'POST /v1/operator/regions/{region}/local-lessons',
        'PUT /v1/operator/lessons/{id}/source',
        'PUT /v1/operator/assets/{id}',
        'GET /v1/operator/carriers',
        'PUT /v1/operator/carriers/{id}/config',
        'POST /v1/operator/uploads',
        'HEAD /v1/operator/uploads/{id}',
        'PATCH /v1/operator/uploads/{id}',
        'POST /v1/operator/packaging-jobs',
      ]),
    );
    expect(operator).toHaveLength(52); // 19 (with the operators list and curation per kind), 12 of channels, drafts and releases, 4 of home layouts, 2 of timetable import, 2 of activation (CRM bind, device revoke), 2 of carrier configurations, 1 of carrier packages, 3 dashboards, 7 of packaging (4 tus, 3 jobs)
    for (const { key, operation } of operator) {
      if (key === 'POST /v1/operator/sessions') {
        expect(operation.security, key).toBeUndefined();
        expect(Object.keys(operation.responses), key).toEqual(expect.arrayContaining(['201', '401', '429']));
        continue;
      }
      expect(operation.security, key).toEqual([{ operator: [] }]);
      expect(Object.keys(operation.responses), key).toEqual(expect.arrayContaining(['400', '401', '503']));
    }
    expect(Object.keys(document.paths['/v1/operator/audit']!.get!.responses)).toContain('403');
    expect(document.components.securitySchemes).toMatchObject({
      operator: { type: 'http', scheme: 'bearer' },
      household: { type: 'http', scheme: 'bearer' },
    });
  });

  it('states on each operation the statuses its middleware answers: 413/415 on JSON bodies, 429 on writes', () => {
    for (const { key, operation } of operations()) {
      expect(Object.keys(operation.responses), key).toEqual(expect.arrayContaining(['408', '503']));
      if (operation.requestBody) {
        expect(Object.keys(operation.responses), key).toEqual(expect.arrayContaining(['400', '413', '415']));
      }
      if (/^(POST|PUT|PATCH|DELETE) \/v1\//.test(key))
        expect(Object.keys(operation.responses), key).toContain('429');
    }
    const guarded = document.paths['/v1/household/profiles/{profileId}']!.patch!;
    expect(guarded.parameters!.map((parameter) => parameter.name)).toEqual(['profileId', 'x-parental-pin']);
    expect(Object.keys(guarded.responses)).toEqual(expect.arrayContaining(['401', '403', '404', '429']));
    expect(document.paths['/v1/household/profiles']!.post!.requestBody!.required).toBe(true);
    expect(Object.keys(document.paths['/v1/lessons']!.get!.responses)).toContain('304');
    // 405 is the path's answer to the methods it does not list: said on each path, with its Allow.
    expect(
      (document.paths['/v1/household/profiles/{profileId}'] as { description?: string }).description,
    ).toBe('Any other method answers 405 with Allow: PATCH, DELETE, OPTIONS (OPTIONS: 204 with Allow).');
  });

  it('documents the parameters the routes validate with, from the same schemas', () => {
    const lessonQuery = document.paths['/v1/lessons']!.get!.parameters!.filter((p) => p.in === 'query');
    expect(lessonQuery.map((parameter) => parameter.name).sort()).toEqual(
      Object.keys(LessonListQuerySchema.shape).sort(),
    );
    const rule = document.paths['/v1/operator/regions/{region}/lessons/{id}']!.put!.parameters!;
    expect(rule.map((parameter) => parameter.name)).toEqual(Object.keys(RuleParamsSchema.shape));
    const profileBody = document.paths['/v1/household/profiles']!.post!.requestBody!;
    expect(
      Object.keys((profileBody.content['application/json']!.schema as { properties: object }).properties),
    ).toEqual(Object.keys(CreateProfileBodySchema.shape));
  });

  it('states in the schemas what validation checks beyond types: at least one field, patterns, real dates', () => {
    const bodyOf = (path: string, method: string) =>
      document.paths[path]![method]!.requestBody!.content['application/json']!.schema as Record<
        string,
        unknown
      >;
    expect(bodyOf('/v1/operator/regions/{region}/lessons/{id}', 'put')).toMatchObject({ minProperties: 1 });
    expect(bodyOf('/v1/household/profiles/{profileId}', 'patch')).toMatchObject({ minProperties: 1 });
    const query = (path: string, name: string) =>
      document.paths[path]!.get!.parameters!.find((parameter) => parameter.name === name)!;
    expect(query('/v1/channels/{id}/timetable', 'date').schema).toMatchObject({ format: 'date' });
    expect(query('/v1/lessons', 'cursor').schema.pattern).toBe('^d[HX][w-z][A-Za-z0-9_-]*$');
  });

  it('refuses to build when a route has no documentation or documentation names no route', () => {
    const app = express();
    app.get('/v1/undocumented/:id', validate('params', z.strictObject({ id: z.string() })), (_req, res) => {
      res.end();
    });
    expect(findDrift(listRoutes(app)).undocumented).toEqual(['GET /v1/undocumented/{id}']);
    expect(findDrift(listRoutes(app)).unrouted).toContain('GET /v1/lessons');
    expect(() => createOpenApiDocument(listRoutes(app))).toThrow(
      /undocumented GET \/v1\/undocumented\/\{id\}/,
    );
  });
});
