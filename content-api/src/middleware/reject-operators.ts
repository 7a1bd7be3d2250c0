import type { NextFunction, Request, Response } from 'express';
import { InvalidRequestError } from '../errors.ts';
import { withFacts } from '../openapi/route-facts.ts';

const MAX_DEPTH = 32;

/** Finds the first key that MongoDB would read as an operator or a path (`$gt`, `a.b`). */
function findOperatorKey(value: unknown, path: string, depth = 0): string | undefined {
  if (depth > MAX_DEPTH || value === null || typeof value !== 'object') return undefined;
  for (const [key, child] of Object.entries(value)) {
    const childPath = path ? `${path}.${key}` : key;
    if (key.startsWith('$') || key.includes('.') || key.includes('[')) return childPath;
    const found = findOperatorKey(child, childPath, depth + 1);
    if (found) return found;
  }
  return undefined;
}

/**
 * Defence in depth against MongoDB operator injection: schemas already reject unknown keys, and this refuses
 * any request whose query or body carries an operator-shaped key before a route sees it.
 */
function rejectOperatorKeys(req: Request, _res: Response, next: NextFunction): void {
  for (const [part, value] of [
    ['query', req.query],
    ['body', req.body],
  ] as const) {
    const key = findOperatorKey(value, '');
    if (key) {
      throw new InvalidRequestError(
        `operator-shaped key "${key}" in the ${part} is not allowed`,
        [{ path: `${part}.${key}`, message: 'keys may not start with "$" or contain "." or "["' }],
        'operator_injection',
      );
    }
  }
  next();
}

export const rejectOperators = withFacts(rejectOperatorKeys, {
  responses: { '400': 'operator_injection: a key starting with "$" or holding "." or "["' },
});
