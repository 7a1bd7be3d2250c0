import type { z } from 'zod';
import { ErrorResponseSchema } from '../schemas/shared.schema.ts';

export const json = (schema: z.ZodType, description: string) => ({
  description,
  content: { 'application/json': { schema } },
});

export const errors = {
  '400': json(ErrorResponseSchema, 'A parameter, id or body is malformed or unknown; details name each'),
  '503': json(ErrorResponseSchema, 'The store is unavailable; retry after Retry-After seconds'),
};
