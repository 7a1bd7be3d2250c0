import { createHash, timingSafeEqual } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';
import { UnauthorizedError } from '../errors.ts';

const digest = (value: string) => createHash('sha256').update(value).digest();

/**
 * Operator access with one shared bearer token from the environment (`KETANG_OPERATOR_TOKEN`). Without a
 * configured token every operator request is refused.
 */
export function operatorTokenAuth(token: string | undefined) {
  const expected = token ? digest(token) : undefined;
  return (req: Request, _res: Response, next: NextFunction) => {
    if (!expected) throw new UnauthorizedError('operator access is not configured on this server');
    const header = req.get('authorization') ?? '';
    const match = /^Bearer (\S+)$/.exec(header);
    if (!match || !timingSafeEqual(digest(match[1]!), expected)) throw new UnauthorizedError();
    next();
  };
}
