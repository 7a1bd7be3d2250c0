import { z } from 'zod';
import {
  createDocument,
  type ZodOpenApiOperationObject,
  type ZodOpenApiPathsObject,
  type ZodOpenApiResponseObject,
} from 'zod-openapi';
import { activationOperations } from './activation-operations.ts';
import { carrierOperations } from './carrier-operations.ts';
import { dashboardOperations } from './dashboard-operations.ts';
import { deviceOperations } from './device-operations.ts';
import { familyOperations } from './family-operations.ts';
import { operatorOperations } from './operator-operations.ts';
import { packagingOperations } from './packaging-operations.ts';
import { packageOperations } from './package-operations.ts';
import { layoutOperations } from './layout-operations.ts';
import { releaseOperations } from './release-operations.ts';
import { timetableImportOperations } from './timetable-import-operations.ts';
import { failure, type OperationDoc, type OperationDocs } from './responses.ts';
import type { RouteFacts } from './route-facts.ts';
import type { RouteEntry } from './route-inventory.ts';

export const OPERATION_DOCS: OperationDocs = {
  ...deviceOperations,
  ...familyOperations,
  ...operatorOperations,
  ...releaseOperations,
  ...layoutOperations,
  ...timetableImportOperations,
  ...activationOperations,
  ...carrierOperations,
  ...packageOperations,
  ...dashboardOperations,
  ...packagingOperations,
};

/** Statuses any request may get, whatever its route: the HTTP server's own. */
const SERVER_RESPONSES: Record<string, ZodOpenApiResponseObject> = {
  '408': { description: 'The client was too slow to send its headers or body; the socket is closed' },
  '431': { description: 'The request line or headers are too large (the HTTP server, no body)' },
};

type Part = NonNullable<RouteFacts['validates']>['part'];

/** The statuses the route's middleware and its service answer, one description per status. */
function errorResponses(facts: RouteFacts[], doc: OperationDoc): Record<string, ZodOpenApiResponseObject> {
  const said = new Map<string, string[]>();
  const add = (status: string, description: string) => {
    const list = said.get(status) ?? [];
    if (!list.includes(description)) said.set(status, [...list, description]);
  };
  for (const fact of facts)
    for (const [status, text] of Object.entries(fact.responses ?? {})) add(status, text);
  for (const [status, text] of Object.entries(doc.errors ?? {})) add(status, text);
  const responses: Record<string, ZodOpenApiResponseObject> = {};
  for (const [status, texts] of [...said].sort(([a], [b]) => a.localeCompare(b))) {
    responses[status] = status === '304' ? { description: texts.join('; ') } : failure(texts.join('; '));
  }
  return responses;
}

/** A file sent as the whole body (route-facts `rawBody`): its media types, each the file's bytes. */
function rawRequestBody({ mediaTypes, maxBytes }: NonNullable<RouteFacts['rawBody']>) {
  const schema = z.string().meta({ format: 'binary', description: `The file, at most ${maxBytes} bytes` });
  return { required: true, content: Object.fromEntries(mediaTypes.map((type) => [type, { schema }])) };
}

function operationOf(route: RouteEntry, doc: OperationDoc): ZodOpenApiOperationObject {
  const parts = new Map<Part, z.ZodType>();
  for (const fact of route.facts) if (fact.validates) parts.set(fact.validates.part, fact.validates.schema);
  const headers = route.facts.flatMap((fact) => (fact.headers ? [fact.headers] : []));
  const security = route.facts.find((fact) => fact.security)?.security;
  const body = parts.get('body');
  const rawBody = route.facts.find((fact) => fact.rawBody)?.rawBody;
  const isJsonRequired = route.facts.some((fact) => fact.responses?.['415']?.includes('application/json'));
  return {
    summary: doc.summary,
    ...(doc.description ? { description: doc.description } : {}),
    ...(doc.deprecated ? { deprecated: true } : {}),
    tags: doc.tags,
    ...(security ? { security: [{ [security]: [] }] } : {}),
    requestParams: {
      ...(parts.has('params') ? { path: parts.get('params') as z.ZodObject } : {}),
      ...(parts.has('query') ? { query: parts.get('query') as z.ZodObject } : {}),
      ...(headers.length > 0 ? { header: headers.reduce((all, next) => all.extend(next.shape)) } : {}),
    },
    ...(body
      ? { requestBody: { required: isJsonRequired, content: { 'application/json': { schema: body } } } }
      : {}),
    ...(rawBody ? { requestBody: rawRequestBody(rawBody) } : {}),
    responses: { ...doc.ok, ...errorResponses(route.facts, doc), ...SERVER_RESPONSES },
  };
}

/** What a path answers to the methods it does not list (middleware/method-not-allowed.ts). */
function notAllowedOn(methods: string[]): string {
  const upper = methods.map((method) => method.toUpperCase());
  const allow = [...upper, ...(upper.includes('GET') ? ['HEAD'] : []), 'OPTIONS'].join(', ');
  return `Any other method answers 405 with Allow: ${allow} (OPTIONS: 204 with Allow).`;
}

/** Routes without documentation, and documentation of no route: either means the document drifted. */
export function findDrift(routes: readonly RouteEntry[], docs: OperationDocs = OPERATION_DOCS) {
  const routed = new Set(routes.map((route) => `${route.method} ${route.path}`));
  return {
    undocumented: [...routed].filter((key) => !docs[key]),
    unrouted: Object.keys(docs).filter((key) => !routed.has(key)),
  };
}

/**
 * The OpenAPI 3.1 document, read off the app's routes: every route with the schemas its validation uses, the
 * credential and statuses its middleware declares (route-facts.ts), and what OPERATION_DOCS says of it.
 * Throws when a route has no documentation or documentation names no route.
 */
export function createOpenApiDocument(routes: readonly RouteEntry[]) {
  const drift = findDrift(routes);
  if (drift.undocumented.length > 0 || drift.unrouted.length > 0) {
    throw new Error(
      `the OpenAPI document drifted from the routes: undocumented ${drift.undocumented.join(', ') || 'none'}; ` +
        `documented but not routed ${drift.unrouted.join(', ') || 'none'}`,
    );
  }
  const paths: ZodOpenApiPathsObject = {};
  for (const route of routes) {
    // HEAD comes with GET (express answers it); a route of its own (tus) is documented like any other.
    if (route.method === 'HEAD' && !OPERATION_DOCS[`HEAD ${route.path}`]) continue;
    const item = (paths[route.path] ??= {}) as Record<string, ZodOpenApiOperationObject>;
    item[route.method.toLowerCase()] = operationOf(route, OPERATION_DOCS[`${route.method} ${route.path}`]!);
  }
  for (const item of Object.values(paths)) {
    Object.assign(item, { description: notAllowedOn(Object.keys(item)) });
  }
  return createDocument({
    openapi: '3.1.0',
    info: {
      title: 'Ketang content API',
      version: '1.0.0',
      description:
        'What set-top boxes and operators read and write. Errors: {"error":{"code","message","details",' +
        '"requestId"}}. Every operation lists the statuses it may answer. A method a path does not list ' +
        'answers 405 with Allow (OPTIONS answers 204 with Allow). Security: docs/security.md.',
    },
    paths,
    components: {
      securitySchemes: {
        household: {
          type: 'http',
          scheme: 'bearer',
          description: 'A box credential from POST /v1/households, or a phone link token',
        },
        operator: {
          type: 'http',
          scheme: 'bearer',
          description:
            'An operator session token from POST /v1/operator/sessions, or the service token ' +
            '(KETANG_OPERATOR_TOKEN, the packager)',
        },
      },
    },
  });
}
