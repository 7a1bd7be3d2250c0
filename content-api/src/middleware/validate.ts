import type { NextFunction, Request, Response } from 'express';
import type { z } from 'zod';
import { InvalidRequestError, type ErrorDetail } from '../errors.ts';
import { withFacts } from '../openapi/route-facts.ts';

type Part = 'query' | 'params' | 'body';

export function toDetails(error: z.ZodError, prefix?: string): ErrorDetail[] {
  return error.issues.map((issue) => {
    const keys = issue.code === 'unrecognized_keys' ? issue.keys : [];
    const path = [prefix, ...issue.path.map(String)].filter(Boolean).join('.');
    if (keys.length > 0) {
      return {
        path: keys.map((key) => [path, key].filter(Boolean).join('.')).join(', '),
        message: 'unknown parameter',
      };
    }
    return { path, message: issue.message };
  });
}

/**
 * Parses one part of the request with a zod schema and puts the typed result in `res.locals[part]`; anything
 * else answers 400 listing every problem by name. Unknown parameters are rejected, never passed on.
 */
export function validate(part: Part, schema: z.ZodType) {
  const handler = (req: Request, res: Response, next: NextFunction) => {
    const result = schema.safeParse(req[part] ?? {});
    if (!result.success) {
      const details = toDetails(result.error, part === 'body' ? 'body' : undefined);
      const names = details.map((detail) => detail.path || part).join(', ');
      throw new InvalidRequestError(`invalid ${part === 'params' ? 'path' : part}: ${names}`, details);
    }
    res.locals[part] = result.data;
    next();
  };
  return withFacts(handler, {
    validates: { part, schema },
    responses: { '400': 'A parameter, id or body is malformed or unknown; details name each' },
  });
}
