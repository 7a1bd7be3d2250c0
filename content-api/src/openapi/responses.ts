import type { z } from 'zod';
import type { ZodOpenApiResponseObject } from 'zod-openapi';
import { ErrorResponseSchema } from '@ketang/contract';

export const json = (schema: z.ZodType, description: string) => ({
  description,
  content: { 'application/json': { schema } },
});

/** An error answer in the usual body, `{"error":{code, message, details, requestId}}`. */
export const failure = (description: string) => json(ErrorResponseSchema, description);

/**
 * What the document says of one route beyond what its middleware tells (route-facts.ts): a summary, the
 * answers it succeeds with, and the statuses its service decides (404 unknown id, 409, 403 by role…).
 */
export type OperationDoc = {
  summary: string;
  tags: string[];
  ok: Record<string, ZodOpenApiResponseObject>;
  errors?: Record<string, string>;
  description?: string;
  deprecated?: boolean;
};

/** `GET /v1/lessons` → its documentation. */
export type OperationDocs = Record<string, OperationDoc>;

export const answer = (status: string, description: string, schema?: z.ZodType) => ({
  [status]: schema ? json(schema, description) : { description },
});

/** An operation of one tag: its summary, the answer it succeeds with, and the statuses its service decides. */
export const taggedOperation =
  (tag: string) =>
  (
    summary: string,
    status: string,
    schema: z.ZodType | undefined,
    errors: Record<string, string>,
  ): OperationDoc => ({
    summary,
    tags: [tag],
    ok: answer(status, summary, schema),
    errors,
  });
