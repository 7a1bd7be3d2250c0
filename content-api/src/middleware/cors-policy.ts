import cors from 'cors';
import type { RequestHandler } from 'express';

/**
 * CORS for /v1: a carrier's box may load the TV app from the carrier's origin and call the API here. Allowed
 * are exactly the origins of KETANG_CORS_ORIGINS and those the carriers' published configurations name in
 * `endpoints.appOrigins` (read through `publishedOrigins`, cached by its service), compared exactly; others get
 * no `Access-Control-Allow-Origin`. Preflights get 204; credentials are allowed (the API's own credential is a
 * bearer header, not a cookie).
 */
export function corsPolicy(
  origins: readonly string[],
  publishedOrigins: () => Promise<ReadonlySet<string>> = async () => new Set(),
): RequestHandler {
  const configured = new Set(origins);
  return cors({
    origin: (origin, answer) => {
      if (!origin) return answer(null, false);
      if (configured.has(origin)) return answer(null, true);
      publishedOrigins().then(
        (published) => answer(null, published.has(origin)),
        (error: unknown) => answer(error as Error),
      );
    },
    credentials: true,
    methods: ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE'],
    allowedHeaders: ['Authorization', 'Content-Type', 'X-Ketang-Preview', 'X-Parental-Pin', 'X-Request-Id'],
    exposedHeaders: ['X-Request-Id', 'Retry-After', 'RateLimit', 'RateLimit-Policy', 'ETag'],
    maxAge: 600,
  });
}
