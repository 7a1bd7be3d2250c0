import { createHash } from 'node:crypto';
import { gzip } from 'node:zlib';
import type { NextFunction, Request, Response } from 'express';
import { LRUCache } from 'lru-cache';
import { withFacts } from '../openapi/route-facts.ts';

type CachedResponse = {
  revision: number | string;
  body: string;
  etag: string;
  gzipped?: Buffer;
  /** The gzip under way, shared by the requests that arrive before it is done. */
  gzipping?: Promise<Buffer | undefined>;
};

export type CachePolicy = { maxAgeSeconds: number; staleSeconds: number };

const CATALOGUE_POLICY: CachePolicy = { maxAgeSeconds: 60, staleSeconds: 300 };
/** The compression middleware's own threshold: smaller bodies are not worth a gzip header. */
const MIN_GZIP_BYTES = 1024;

/**
 * Catalogue reads change only when the catalogue revision does, so their JSON is kept per URL and revision,
 * gzipped once for the clients that accept it: a repeat request costs a map lookup, not a serialisation and a
 * compression. Every response carries a strong ETag and a Cache-Control that lets a CDN cache it too; a
 * matching If-None-Match gets 304.
 */
export function catalogueCache(
  currentRevision: () => number | string,
  maxEntries = 20_000,
  policy = CATALOGUE_POLICY,
  /** Seconds until answers change without a write (a scheduled release): no cache may keep them past it. */
  secondsUntilChange: () => number | undefined = () => undefined,
) {
  const isCaching = maxEntries > 0;
  // With no entries (benchmarks of the uncached path) responses still get their ETag and Cache-Control.
  const cache = maxEntries > 0 ? new LRUCache<string, CachedResponse>({ max: maxEntries }) : undefined;
  const cacheControl = () => {
    const left = secondsUntilChange() ?? Infinity;
    const maxAge = Math.min(policy.maxAgeSeconds, left);
    const stale = Math.min(policy.staleSeconds, left - maxAge);
    return `public, max-age=${maxAge}, stale-while-revalidate=${stale}`;
  };

  const send = (req: Request, res: Response, entry: CachedResponse) => {
    res.set('ETag', entry.etag);
    res.set('Cache-Control', cacheControl());
    res.vary('Accept-Encoding');
    if (req.fresh) {
      res.status(304).end();
      return;
    }
    res.type('application/json');
    // The compression middleware leaves a body alone once it has a Content-Encoding.
    if (
      isCaching &&
      entry.body.length >= MIN_GZIP_BYTES &&
      req.acceptsEncodings('gzip', 'identity') === 'gzip'
    ) {
      if (entry.gzipped) {
        res.set('Content-Encoding', 'gzip').send(entry.gzipped);
        return;
      }
      // Compressed once per URL and revision, on libuv's pool: the event loop goes on answering cached
      // reads meanwhile, instead of queueing them behind a gzip at the default level (the tail of the
      // lesson-page load was its first requests of each URL). A failed gzip sends the plain body.
      entry.gzipping ??= new Promise<Buffer | undefined>((resolve) =>
        gzip(entry.body, (error, zipped) => resolve(error ? undefined : zipped)),
      );
      void entry.gzipping.then((zipped) => {
        if (zipped) entry.gzipped = zipped;
        if (res.headersSent) return;
        if (zipped) res.set('Content-Encoding', 'gzip').send(zipped);
        else res.send(entry.body);
      });
      return;
    }
    res.send(entry.body);
  };

  // A box previewing a draft (X-Ketang-Preview) sees what no one else does: never from or into the cache.
  const isCacheable = (req: Request) =>
    (req.method === 'GET' || req.method === 'HEAD') && !req.headers['x-ketang-preview'];
  /**
   * The answer kept for this URL at this revision. The revision is asked for only when the URL has an entry:
   * working it out reads the releases' schedule, which the many GETs the cache never holds (a child's home,
   * family reads) should not pay for.
   */
  const cachedFor = (req: Request, revision: () => number | string): CachedResponse | undefined => {
    const hit = cache?.get(req.originalUrl);
    return hit && hit.revision === revision() ? hit : undefined;
  };

  const handler = (req: Request, res: Response, next: NextFunction) => {
    if (!isCacheable(req)) return next();
    const revision = currentRevision();
    const key = req.originalUrl;
    const hit = cachedFor(req, () => revision);
    if (hit) return send(req, res, hit);
    res.json = (value: unknown) => {
      const body = JSON.stringify(value);
      if (res.statusCode !== 200) return res.type('application/json').send(body);
      const entry = { revision, body, etag: `"${createHash('sha1').update(body).digest('base64url')}"` };
      cache?.set(key, entry);
      send(req, res, entry);
      return res;
    };
    next();
  };

  /**
   * The same answers, early in the chain (app.ts mounts it right after CORS): a URL is kept only after the
   * catalogue routes answered it 200, i.e. after the method check, the operator-key check of its query and the
   * routers in front of them let it through, and they would again. A request with a body is left to the full
   * chain, whose checks read bodies too. Cached reads are what a box sends most; they no longer pay for the
   * deadline timer, the compression wrapper and a dozen routers (benchmarks: "Content API").
   */
  const answerEarly = (req: Request, res: Response, next: NextFunction) => {
    const hasBody =
      req.headers['transfer-encoding'] !== undefined || Number(req.headers['content-length']) > 0;
    const hit = isCacheable(req) && !hasBody ? cachedFor(req, currentRevision) : undefined;
    if (!hit) return next();
    send(req, res, hit);
  };

  return Object.assign(
    withFacts(handler, {
      responses: { '304': 'Not modified: the If-None-Match ETag is current' },
      methods: ['GET'],
    }),
    { answerEarly },
  );
}

/** Responses about one device or the current moment: never shared by a CDN. */
export function noStore(_req: Request, res: Response, next: NextFunction): void {
  res.set('Cache-Control', 'no-store');
  next();
}
