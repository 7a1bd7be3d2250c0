import type { NextFunction, Request, Response } from 'express';
import { StoreUnavailableError } from '../db/document-store.ts';
import { AppError, InvalidRequestError, ServiceUnavailableError } from '../errors.ts';

const RETRY_AFTER_SECONDS = 5;

/** body-parser's errors carry a `type`; each becomes our error shape with its proper status. */
function fromBodyParser(error: { type?: string; status?: number; message: string }): AppError | undefined {
  switch (error.type) {
    case 'entity.too.large':
      return new AppError(413, 'payload_too_large', 'the request body is larger than this endpoint accepts');
    case 'entity.parse.failed':
      return new InvalidRequestError(
        'the request body is not valid JSON',
        [{ path: 'body', message: error.message }],
        'malformed_json',
      );
    case 'encoding.unsupported':
    case 'charset.unsupported':
      return new AppError(415, 'unsupported_media_type', error.message);
    default:
      return undefined;
  }
}

export function toAppError(error: unknown): AppError | undefined {
  if (error instanceof AppError) return error;
  if (error instanceof StoreUnavailableError) return new ServiceUnavailableError(RETRY_AFTER_SECONDS);
  if (error && typeof error === 'object' && 'type' in error) {
    const parsed = fromBodyParser(error as never);
    if (parsed) return parsed;
  }
  return fromHttpError(error);
}

/** http-errors raised by express's own middleware (e.g. a missing media file): keep their 4xx status. */
function fromHttpError(error: unknown): AppError | undefined {
  if (!error || typeof error !== 'object' || !('status' in error)) return undefined;
  const status = Number((error as { status: unknown }).status);
  if (!(status >= 400 && status < 500)) return undefined;
  const code = status === 404 ? 'not_found' : status === 416 ? 'range_not_satisfiable' : 'bad_request';
  return new AppError(
    status,
    code,
    status === 404 ? 'no such file' : String((error as { message?: unknown }).message),
  );
}

/** The one place errors become responses: known errors keep their status; anything else is a logged 500. */
export function errorHandler(error: unknown, req: Request, res: Response, _next: NextFunction): void {
  if (res.headersSent) {
    // An answer already went out (e.g. the handler deadline's 503); the late error is only logged.
    req.log.warn({ err: error }, 'error after the answer was sent');
    if (!res.writableEnded) res.destroy();
    return;
  }
  const known = toAppError(error);
  const requestId = String(req.id ?? '');
  if (!known) req.log.error({ err: error }, 'unexpected error');
  else if (known.status >= 500) req.log.warn({ err: error }, known.message);
  const appError = known ?? new AppError(500, 'internal_error', 'something went wrong on our side');
  res.set(appError.headers);
  res.set('Cache-Control', 'no-store');
  res.status(appError.status).json({
    error: { code: appError.code, message: appError.message, details: appError.details, requestId },
  });
}

export function notFoundHandler(req: Request): never {
  throw new AppError(404, 'not_found', `no route for ${req.method} ${req.path}`);
}
