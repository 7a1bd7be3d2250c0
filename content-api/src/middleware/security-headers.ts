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
 * policy (web-pages.routes.ts), which replaces this one on their HTML. Only this origin may frame the TV app:
 * the console's live preview of a draft home layout (`/console/`, docs/console.md) is an iframe of it.
 */
const pageHeaders = helmet({
  ...COMMON,
  xFrameOptions: { action: 'sameorigin' },
  contentSecurityPolicy: {
    useDefaults: false,
    directives: {
      defaultSrc: ["'self'"],
      scriptSrc: ["'self'"],
      styleSrc: ["'self'", "'unsafe-inline'"],
      // A carrier's CDN (endpoints.cdnBase) serves the pictures: older engines load them as <img>.
      imgSrc: ["'self'", 'data:', 'blob:', (_req, res) => cdnOriginsOf(res as Response)],
      fontSrc: ["'self'", 'data:'],
      connectSrc: ["'self'", 'http:', 'https:'],
      mediaSrc: ["'self'", 'blob:', 'http:', 'https:'],
      workerSrc: ["'self'", 'blob:'],
      objectSrc: ["'none'"],
      frameAncestors: ["'self'"],
      baseUri: ["'none'"],
      formAction: ["'none'"],
    },
  },
  crossOriginResourcePolicy: { policy: 'same-origin' },
});

/**
 * The API's docs page (`/v1/docs`, Swagger UI): its own scripts and styles only; Swagger UI sets inline styles
 * and data: icons, and fetches the document from this origin.
 */
const docsHeaders = helmet({
  ...COMMON,
  contentSecurityPolicy: {
    useDefaults: false,
    directives: {
      defaultSrc: ["'none'"],
      scriptSrc: ["'self'"],
      styleSrc: ["'self'", "'unsafe-inline'"],
      imgSrc: ["'self'", 'data:'],
      fontSrc: ["'self'", 'data:'],
      connectSrc: ["'self'"],
      frameAncestors: ["'none'"],
      baseUri: ["'none'"],
      formAction: ["'none'"],
    },
  },
  crossOriginResourcePolicy: { policy: 'same-origin' },
});
const DOCS_PATHS = /^\/v1\/docs(\/|$)/;

const cdnOriginsOf = (res: Response) => (res.locals.cdnOrigins as string | undefined) || "'self'";

/**
 * The CDN origins the carriers' published configurations name, for the TV page's img-src (read before the
 * security headers; data paths skip it). `origins` is cached by its owner until the next publish.
 */
export function pageCdnOrigins(origins: () => Promise<ReadonlySet<string>>) {
  return (req: Request, res: Response, next: NextFunction): void => {
    if (DATA_PATHS.test(req.path) || DOCS_PATHS.test(req.path)) return next();
    origins()
      .then((found) => (res.locals.cdnOrigins = [...found].join(' ')))
      .catch(() => undefined) // the store down: pictures from this origin only
      .finally(next);
  };
}

type HeaderList = readonly (readonly [name: string, value: string])[];

/**
 * What a helmet middleware sets, read once by running it against a recording response: our policies hold no
 * per-request parts (no nonces), so every answer of a policy gets the same headers. Helmet builds them again
 * on every request (its CSP string among them), which was a measurable part of a cached read (benchmarks:
 * "Content API", the read-path work).
 */
export function recordHeaders(middleware: ReturnType<typeof helmet>): HeaderList {
  const headers: [string, string][] = [];
  const recorder = {
    setHeader: (name: string, value: string | number | readonly string[]) => {
      headers.push([name, String(value)]);
    },
    removeHeader: () => {}, // x-powered-by: express's own is disabled in app.ts
    getHeader: () => undefined,
  };
  let finished = false;
  middleware(
    { method: 'GET', headers: {} } as Request,
    recorder as unknown as Response,
    (error?: unknown) => {
      if (error) throw error;
      finished = true;
    },
  );
  if (!finished) throw new Error('a helmet policy did not finish synchronously');
  return headers;
}

const DATA_HEADERS = recordHeaders(dataHeaders);
const DOCS_HEADERS = recordHeaders(docsHeaders);

/**
 * Security headers on every answer, errors included: a data, docs or page policy by path. The data and docs
 * policies are helmet's, recorded once; a page's img-src names the carriers' CDN origins of the moment
 * (`pageCdnOrigins`), so helmet builds the page policy per answer (pages are few; data reads are the load).
 */
export function securityHeaders(req: Request, res: Response, next: NextFunction): void {
  const headers = DOCS_PATHS.test(req.path)
    ? DOCS_HEADERS
    : DATA_PATHS.test(req.path)
      ? DATA_HEADERS
      : undefined;
  if (!headers) return pageHeaders(req, res, next);
  for (const [name, value] of headers) res.setHeader(name, value);
  next();
}
