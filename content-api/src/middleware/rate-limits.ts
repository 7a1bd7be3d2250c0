import type { Request, RequestHandler } from 'express';
import { rateLimit, type RateLimitInfo } from 'express-rate-limit';
import { TooManyRequestsError } from '../errors.ts';
import { withFacts } from '../openapi/route-facts.ts';

const MINUTE_MS = 60_000;
const WRITE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export type RateLimitOptions = {
  windowMs: number;
  limit: number;
  /** The error's message: what was limited, for whom. */
  message: string;
  /** Count only the requests this answers true for. */
  isCounted?: (req: Request) => boolean;
  /** Count only failed requests (status ≥ 400), e.g. logins. */
  isFailuresOnly?: boolean;
  /** The methods it counts, for the OpenAPI document; all when absent. */
  methods?: readonly string[];
};

/**
 * A per-address limit (express-rate-limit, in this process's memory): over it, 429 `rate_limited` in the usual
 * error body with `Retry-After`; the `RateLimit`/`RateLimit-Policy` headers (IETF draft 8) on every answer.
 * The address is `req.ip` (see KETANG_TRUST_PROXY_HOPS); IPv6 clients are grouped by /56.
 */
export function limitPerAddress(options: RateLimitOptions): RequestHandler {
  const limiter = rateLimit({
    windowMs: options.windowMs,
    limit: options.limit,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    skip: options.isCounted ? (req) => !options.isCounted!(req) : undefined,
    skipSuccessfulRequests: options.isFailuresOnly ?? false,
    handler: (req) => {
      const info = (req as { rateLimit?: RateLimitInfo }).rateLimit;
      const resetAt = info?.resetTime?.getTime() ?? Date.now() + options.windowMs;
      throw new TooManyRequestsError('rate_limited', options.message, (resetAt - Date.now()) / 1000);
    },
  });
  return withFacts(limiter, {
    responses: { '429': `rate_limited: ${options.message}; see Retry-After` },
    methods: options.methods,
  });
}

/** Every write under /v1 (POST/PUT/PATCH/DELETE), per address and minute. */
export function limitWrites(perMinute: number): RequestHandler {
  return limitPerAddress({
    windowMs: MINUTE_MS,
    limit: perMinute,
    message: 'too many writes from this address; slow down',
    isCounted: (req) => WRITE_METHODS.has(req.method),
    methods: [...WRITE_METHODS],
  });
}

/** Failed operator logins per address, per 15 minutes (the per-account lock is LoginLockout's). */
export function limitLoginFailures(per15Minutes: number): RequestHandler {
  return limitPerAddress({
    windowMs: 15 * MINUTE_MS,
    limit: per15Minutes,
    message: 'too many failed logins from this address; try again later',
    isCounted: (req) => req.method === 'POST',
    isFailuresOnly: true,
    methods: ['POST'],
  });
}
