/** One error shape for every failure the API reports: `{"error":{"code","message","details"}}`. */
export type ErrorDetail = { path: string; message: string };

export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: ErrorDetail[] = [],
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
    this.name = new.target.name;
  }
}

export class InvalidRequestError extends AppError {
  constructor(message: string, details: ErrorDetail[] = [], code = 'invalid_request') {
    super(400, code, message, details);
  }
}

export class NotFoundError extends AppError {
  constructor(resource: string, id: string) {
    super(404, 'not_found', `${resource} "${id}" does not exist`, [
      { path: 'id', message: `unknown ${resource}` },
    ]);
  }
}

/**
 * A well-formed body names something that does not exist (a lesson, a facet): 404 with the body paths, as for
 * an unknown id in the path. Schemas cannot say which ids exist, so this is not a 400.
 */
export class UnknownReferenceError extends AppError {
  constructor(message: string, details: ErrorDetail[]) {
    super(404, 'not_found', message, details);
  }
}

export class UnauthorizedError extends AppError {
  constructor(message = 'a valid operator token is required') {
    super(401, 'unauthorized', message, [], { 'WWW-Authenticate': 'Bearer' });
  }
}

export class ServiceUnavailableError extends AppError {
  constructor(retryAfterSeconds: number) {
    super(503, 'store_unavailable', 'the catalogue store is unavailable; try again shortly', [], {
      'Retry-After': String(retryAfterSeconds),
    });
  }
}

export class ForbiddenError extends AppError {
  constructor(message: string) {
    super(403, 'forbidden', message);
  }
}

export class ConflictError extends AppError {
  constructor(message: string, details: ErrorDetail[] = []) {
    super(409, 'conflict', message, details);
  }
}

export class TooManyRequestsError extends AppError {
  constructor(code: string, message: string, retryAfterSeconds: number) {
    super(429, code, message, [], { 'Retry-After': String(Math.max(1, Math.ceil(retryAfterSeconds))) });
  }
}

/** A picture or service the API depends on failed or sent something unusable; the message names which. */
export class UpstreamFailedError extends AppError {
  constructor(message: string, code = 'upstream_failed', status = 502) {
    super(status, code, message);
  }
}
