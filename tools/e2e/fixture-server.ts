// A stand-in for the content API, for the TV app's dev loop, the harness self-test and the benchmark:
// serves tv-app/dist, the fixtures in tv-app/test/fixtures (device-api.md shapes), one household with one
// child profile (family.md shapes), and a media folder.
// The end-to-end tests proper run against the real content API (see app-harness.ts).
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { HeartbeatBatchBodySchema, PlaybackEventBodySchema, type ErrorResponse } from '@ketang/contract';
import type { z } from 'zod';
import type { FamilyStandIn } from './family-stand-in.ts';

const REPO = path.resolve(import.meta.dirname, '../..');
export const FIXTURES = path.join(REPO, 'tv-app/test/fixtures');
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
  '.mpd': 'application/dash+xml',
  '.m3u8': 'application/vnd.apple.mpegurl',
  '.mp4': 'video/mp4',
  '.m4s': 'video/iso.segment',
  '.vtt': 'text/vtt',
  '.jpg': 'image/jpeg',
  '.png': 'image/png',
};

export type FixtureServerOptions = {
  distDir?: string;
  mediaDir?: string;
  /** Replaces the fixture home document (the benchmark's 30 × 50 home). */
  home?: unknown;
  /** Replaces the build's carrier.json (e.g. a device profile for the benchmark). */
  carrier?: unknown;
  /** Answer every /v1 request with 503, as when the API is down. */
  isApiDown?: () => boolean;
  /** Answers the family API's parental routes (family-stand-in.ts). */
  family?: FamilyStandIn;
};

export type FixtureServer = {
  url: string;
  events: unknown[];
  heartbeats: unknown[];
  close(): Promise<void>;
};

async function fixture(name: string): Promise<unknown> {
  return JSON.parse(await readFile(path.join(FIXTURES, name), 'utf8'));
}

/** Timetable slots moved to today, so "now" is always on air. */
async function liveTimetable(): Promise<unknown> {
  const table = (await fixture('timetable.json')) as { slots: { start: string; end: string }[] };
  const start = Date.now() - 10 * 60_000;
  table.slots.forEach((slot, i) => {
    slot.start = new Date(start + i * 30 * 60_000).toISOString();
    slot.end = new Date(start + (i + 1) * 30 * 60_000).toISOString();
  });
  return table;
}

/**
 * The family routes the TV needs at start and while playing: one household with one child profile
 * (fixtures/household.json), so Home goes straight to the rails; no profile home (the TV falls back). */
async function familyAnswer(method: string, p: string): Promise<[number, unknown] | undefined> {
  if (method === 'POST' && p === '/v1/households') {
    const household = await fixture('household.json');
    return [201, { household, token: 'fixture-token', deviceId: 'd-fixture' }];
  }
  if (p === '/v1/household') return [200, await fixture('household.json')];
  if (p.endsWith('/progress')) return [200, { items: [] }];
  return undefined;
}

async function apiAnswer(url: URL, options: FixtureServerOptions): Promise<[number, unknown]> {
  const p = url.pathname;
  if (p === '/v1/home') return [200, options.home ?? (await fixture('home.json'))];
  if (p === '/v1/facets') return [200, await fixture('facets.json')];
  if (p.startsWith('/v1/textbooks/')) return [200, await fixture('textbook.json')];
  if (p === '/v1/lessons') return [200, await fixture('lessons-page.json')];
  if (p === '/v1/lessons/l-chinese-1') return [200, await fixture('lesson-unplayable.json')];
  if (p.startsWith('/v1/lessons/l-')) {
    const lesson = (await fixture('lesson-playable.json')) as { id: string };
    return [200, { ...lesson, id: decodeURIComponent(p.split('/').pop()!) }];
  }
  if (p === '/v1/channels') return [200, await fixture('channels.json')];
  if (p.endsWith('/timetable')) return [200, await liveTimetable()];
  if (p.endsWith('/now')) return [200, await fixture('channel-now.json')];
  if (p === '/v1/search') {
    const result = (await fixture('search-sx.json')) as { lessons: unknown[] };
    return [
      200,
      url.searchParams.get('q') === 'sx'
        ? result
        : { query: url.searchParams.get('q'), subjects: [], lessons: [] },
    ];
  }
  return [404, await fixture('error-not-found.json')];
}

async function readBody(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return JSON.parse(Buffer.concat(chunks).toString('utf8') || 'null');
}

/** What the box wrote, checked against the contract as the API would: `[400, error]` when it is not valid. */
function invalidBody(schema: z.ZodType, body: unknown): [number, ErrorResponse] | undefined {
  const result = schema.safeParse(body);
  if (result.success) return undefined;
  const details = result.error.issues.map((issue) => ({
    path: issue.path.join('.'),
    message: issue.message,
  }));
  return [
    400,
    { error: { code: 'invalid_request', message: 'invalid body', details, requestId: 'fixture' } },
  ];
}

/** The API's answers to the box's writes: an accepted event, or heartbeats taken (as the API checks them). */
async function writeAnswer(
  req: IncomingMessage,
  url: URL,
  record: Pick<FixtureServer, 'events' | 'heartbeats'>,
): Promise<[number, unknown]> {
  const body = await readBody(req);
  if (url.pathname === '/v1/events') {
    const invalid = invalidBody(PlaybackEventBodySchema, body);
    if (invalid) return invalid;
    record.events.push(body);
    return [202, { accepted: true, id: `fixture-event-${record.events.length}` }];
  }
  if (url.pathname === '/v1/household/heartbeats') {
    const invalid = invalidBody(HeartbeatBatchBodySchema, body);
    if (invalid) return invalid;
    const { heartbeats } = body as z.infer<typeof HeartbeatBatchBodySchema>;
    record.heartbeats.push(...heartbeats);
    return [200, { accepted: heartbeats.length, duplicates: 0, usage: [] }];
  }
  return [404, await fixture('error-not-found.json')];
}

async function serveFile(res: ServerResponse, root: string, relative: string): Promise<void> {
  const file = path.join(root, path.normalize(relative).replace(/^(\.\.[/\\])+/, ''));
  const info = await stat(file).catch(() => null);
  if (!info?.isFile()) {
    res.writeHead(404).end();
    return;
  }
  res.writeHead(200, { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream' });
  res.end(await readFile(file));
}

export async function startFixtureServer(options: FixtureServerOptions = {}): Promise<FixtureServer> {
  const distDir = options.distDir ?? path.join(REPO, 'tv-app/dist');
  const events: unknown[] = [];
  const heartbeats: unknown[] = [];
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const handle = async () => {
      if (url.pathname.startsWith('/v1/')) {
        if (options.isApiDown?.()) return void res.writeHead(503, { 'retry-after': '1' }).end('{}');
        if (options.family?.handles(req.method ?? 'GET', url.pathname)) {
          const body = req.method === 'GET' ? null : await readBody(req);
          const answered = options.family.answer(req.method ?? 'GET', url.pathname, body, req.headers);
          const [status, answer, headers] = answered ?? [404, await fixture('error-not-found.json')];
          if (status === 204) return void res.writeHead(204, headers).end();
          return void res
            .writeHead(status, { 'content-type': 'application/json', ...headers })
            .end(JSON.stringify(answer));
        }
        const family = await familyAnswer(req.method ?? 'GET', url.pathname);
        const [status, body] =
          family ??
          (req.method === 'POST' || req.method === 'PUT'
            ? await writeAnswer(req, url, { events, heartbeats })
            : await apiAnswer(url, options));
        return void res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
      }
      if (url.pathname === '/carrier.json' && options.carrier !== undefined) {
        return void res
          .writeHead(200, { 'content-type': 'application/json' })
          .end(JSON.stringify(options.carrier));
      }
      if (url.pathname.startsWith('/media/') && options.mediaDir) {
        return serveFile(res, options.mediaDir, url.pathname.slice('/media/'.length));
      }
      return serveFile(res, distDir, url.pathname === '/' ? 'index.html' : url.pathname.slice(1));
    };
    handle().catch((error: unknown) => res.writeHead(500).end(String(error)));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    events,
    heartbeats,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
