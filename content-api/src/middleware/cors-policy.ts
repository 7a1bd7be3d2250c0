import cors from 'cors';
import type { RequestHandler } from 'express';

/**
 * CORS for /v1 (KETANG_CORS_ORIGINS): a carrier's box may load the TV app from the carrier's origin and call
 * the API here. Only the listed origins, compared exactly, are answered with `Access-Control-Allow-Origin`;
 * preflights get 204; credentials are allowed (the API's own credential is a bearer header, not a cookie).
 * With no origins configured, nothing is added and browsers keep the same-origin rule.
 */
export function corsPolicy(origins: readonly string[]): RequestHandler | undefined {
  if (origins.length === 0) return undefined;
  return cors({
    origin: [...origins],
    credentials: true,
    methods: ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE'],
    allowedHeaders: ['Authorization', 'Content-Type', 'X-Parental-Pin', 'X-Request-Id'],
    exposedHeaders: ['X-Request-Id', 'Retry-After', 'RateLimit', 'RateLimit-Policy'],
    maxAge: 600,
  });
}
