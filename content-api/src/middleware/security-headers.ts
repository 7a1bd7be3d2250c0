import type { NextFunction, Request, Response } from 'express';
import helmet from 'helmet';

/** Paths that answer data (JSON, video), never a page: the strictest policy. */
const DATA_PATHS = /^\/(v1|media)(\/|$)|^\/(healthz|readyz)$/;

const COMMON = {
  // Plain HTTP on a LAN or behind the carrier's TLS proxy must keep working: no upgrade-insecure-requests,
  // and HSTS without subdomains (it only counts when served over HTTPS).
  strictTransportSecurity: { maxAge: 180 * 86_400, includeSubDomains: false },
  referrerPolicy: { policy: 'no-referrer' as const },
  xFrameOptions: { action: 'deny' as const },
};

/**
 * JSON and video: nothing may run or be framed. Other origins may read them (CORS decides for /v1; the
 * media is public), so Cross-Origin-Resource-Policy is cross-origin.
 */
const dataHeaders = helmet({
  ...COMMON,
  contentSecurityPolicy: {
    useDefaults: false,
    directives: { defaultSrc: ["'none'"], frameAncestors: ["'none'"], baseUri: ["'none'"] },
  },
  crossOriginResourcePolicy: { policy: 'cross-origin' },
});

/**
 * The TV app (`/`): only our own scripts; Lightning's image worker runs from a blob: URL; Shaka plays through
 * MediaSource (blob:). Licensed external HLS sources and a carrier's API base (carrier.json) may be on any
 * host (http or https, as operators register them), so connect-src and media-src allow them; that is the
 * policy's widest part, documented in docs/security.md. The web pages (`/family/`) set their own stricter
 * policy (web-pages.routes.ts), which replaces this one on their HTML.
 */
const pageHeaders = helmet({
  ...COMMON,
  contentSecurityPolicy: {
    useDefaults: false,
    directives: {
      defaultSrc: ["'self'"],
      scriptSrc: ["'self'"],
      styleSrc: ["'self'", "'unsafe-inline'"],
      imgSrc: ["'self'", 'data:', 'blob:'],
      fontSrc: ["'self'", 'data:'],
      connectSrc: ["'self'", 'http:', 'https:'],
      mediaSrc: ["'self'", 'blob:', 'http:', 'https:'],
      workerSrc: ["'self'", 'blob:'],
      objectSrc: ["'none'"],
      frameAncestors: ["'none'"],
      baseUri: ["'none'"],
      formAction: ["'none'"],
    },
  },
  crossOriginResourcePolicy: { policy: 'same-origin' },
});

/** Security headers on every answer (helmet), errors included: a data policy or a page policy by path. */
export function securityHeaders(req: Request, res: Response, next: NextFunction): void {
  (DATA_PATHS.test(req.path) ? dataHeaders : pageHeaders)(req, res, next);
}
