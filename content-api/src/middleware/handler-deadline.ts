import type { NextFunction, Request, Response } from 'express';
import { AppError } from '../errors.ts';
import { withFacts } from '../openapi/route-facts.ts';

/**
 * A handler that has not started its answer within `timeoutMs` (a hung store, a stuck upstream) gets 503
 * `timeout` in the usual error body and the connection is closed, so the socket is freed. The handler's late
 * answer, if any, is dropped (the error handler sees the headers already sent). Streaming answers (media)
 * are not cut: only the time to the first byte counts.
 */
export function handlerDeadline(timeoutMs: number) {
  const handler = (req: Request, res: Response, next: NextFunction) => {
    const timer = setTimeout(() => {
      if (res.headersSent) return;
      const error = new AppError(503, 'timeout', 'the server took too long to answer; try again', [], {
        'Retry-After': '5',
        Connection: 'close',
      });
      req.log?.warn({ timeoutMs }, 'handler deadline passed');
      res.set(error.headers).set('Cache-Control', 'no-store');
      res.status(error.status).json({
        error: { code: error.code, message: error.message, details: [], requestId: String(req.id ?? '') },
      });
    }, timeoutMs);
    const clear = () => clearTimeout(timer);
    res.once('finish', clear);
    res.once('close', clear);
    next();
  };
  return withFacts(handler, {
    responses: {
      '503':
        'timeout (the handler passed its deadline) or store_unavailable; retry after Retry-After seconds',
    },
  });
}
