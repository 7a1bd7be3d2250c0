import type { NextFunction, Request, Response } from 'express';
import { AppError } from '../errors.ts';
import { withFacts } from '../openapi/route-facts.ts';

/** Bodies must be declared JSON: anything else is 415, not a silently empty body. */
function requireJsonBody(req: Request, _res: Response, next: NextFunction): void {
  if (!req.is('application/json')) {
    throw new AppError(415, 'unsupported_media_type', 'send the body as application/json', [
      { path: 'content-type', message: `got ${req.get('content-type') ?? 'none'}` },
    ]);
  }
  next();
}

export const requireJson = withFacts(requireJsonBody, {
  responses: { '415': 'The body is not declared application/json' },
});
