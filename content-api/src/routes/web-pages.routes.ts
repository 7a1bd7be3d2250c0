// The web pages' build (content-api/web → dist): `/family/` (the parent's phone page) and, later, the other
// pages of that workspace, each at `/<page>/`, with their shared chunks at `/web-assets/`. Same origin as the
// API, so the pages need no CORS. A missing build is not an error: the requests fall through (404), and a
// build made after start is served without a restart.
import express, { type Router } from 'express';

/** The pages hold bearer tokens (the phone link): no referrer, no framing, only our own scripts. */
const PAGE_HEADERS: Record<string, string> = {
  'Cache-Control': 'no-cache',
  'Referrer-Policy': 'no-referrer',
  'X-Content-Type-Options': 'nosniff',
  'Content-Security-Policy':
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; " +
    "connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'",
};
const HASHED_ASSET = /[/\\]web-assets[/\\]/;

export function webPagesRoutes(webDir: string): Router {
  const router = express.Router();
  router.use(
    express.static(webDir, {
      index: 'index.html',
      setHeaders: (res, filePath) => {
        if (HASHED_ASSET.test(filePath)) {
          res.setHeader('Cache-Control', 'public, max-age=31536000, immutable');
          return;
        }
        for (const [name, value] of Object.entries(PAGE_HEADERS)) res.setHeader(name, value);
      },
    }),
  );
  return router;
}
