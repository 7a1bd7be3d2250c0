import { readFile } from 'node:fs/promises';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, normalize } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importSmartedu, openHttpSource } from '../../src/index.ts';
import { parseRetryAfter } from '../../src/sources/smartedu/source/http-read.ts';
import { writeSampleMirror } from '../helpers/sample-mirror.ts';

/** What the server does with one request to a path: answer a status, or reset the connection. */
type Step = { status: number; headers?: Record<string, string>; body?: string } | 'reset';

/**
 * A real HTTP server on 127.0.0.1 whose answers per path are scripted: each request takes the next step, the
 * last step repeats. Paths without a script are served from `dir` (404 when absent), after `failFirst` once.
 */
class ScriptedServer {
  readonly requests: { path: string; at: number }[] = [];
  private readonly scripts = new Map<string, Step[]>();
  private readonly seen = new Set<string>();
  private server: Server | undefined;
  url = '';

  constructor(private readonly options: { dir?: string; failFirst?: Step } = {}) {}

  script(path: string, steps: Step[]): void {
    this.scripts.set(path, [...steps]);
  }

  async start(): Promise<void> {
    this.server = createServer((request, response) => void this.answer(request, response));
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/`;
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise((resolve) => this.server?.close(resolve));
  }

  count(path: string): number {
    return this.requests.filter((request) => request.path === path).length;
  }

  private async answer(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const path = normalize(decodeURIComponent(new URL(request.url ?? '/', 'http://mirror').pathname));
    this.requests.push({ path, at: performance.now() });
    const steps = this.scripts.get(path);
    let step: Step | undefined = steps && (steps.length > 1 ? steps.shift() : steps[0]);
    if (!step && this.options.failFirst && !this.seen.has(path)) step = this.options.failFirst;
    this.seen.add(path);
    if (step === 'reset') return void response.socket?.resetAndDestroy();
    if (step) return void response.writeHead(step.status, step.headers).end(step.body ?? '');
    const bytes = this.options.dir && (await readFile(join(this.options.dir, path)).catch(() => undefined));
    if (!bytes) return void response.writeHead(404).end();
    response.writeHead(200, { 'content-type': 'application/json' }).end(bytes);
  }
}

const FAST = { minDelayMs: 5, maxDelayMs: 20 };
const OK: Step = { status: 200, body: '{"ok":true}' };

describe('reading an HTTP mirror with retries', () => {
  let server: ScriptedServer;
  beforeAll(async () => {
    server = new ScriptedServer();
    await server.start();
  });
  afterAll(() => server.stop());

  const read = (path: string, retry: object = FAST) =>
    openHttpSource(server.url, { retry, timeoutMs: 2_000 }).readBytes(path);
  const text = (bytes: Uint8Array | undefined) => new TextDecoder().decode(bytes);

  it('retries a 503 and returns the file of the next answer', async () => {
    server.script('/a.json', [{ status: 503 }, OK]);
    expect(text(await read('a.json'))).toBe('{"ok":true}');
    expect(server.count('/a.json')).toBe(2);
  });

  it('retries a reset connection and returns the file of the next answer', async () => {
    server.script('/b.json', ['reset', OK]);
    expect(text(await read('b.json'))).toBe('{"ok":true}');
    expect(server.count('/b.json')).toBe(2);
  });

  it('answers 404 as a missing file at once, without retrying', async () => {
    server.script('/c.json', [{ status: 404 }, OK]);
    expect(await read('c.json')).toBeUndefined();
    expect(server.count('/c.json')).toBe(1);
  });

  it('fails at once on another 4xx, naming the URL and the status', async () => {
    server.script('/d.json', [{ status: 403 }, OK]);
    await expect(read('d.json')).rejects.toThrow(
      `d.json: GET ${server.url}d.json failed: HTTP 403 Forbidden (not retried)`,
    );
    expect(server.count('/d.json')).toBe(1);
  });

  it('gives up after the last attempt with an error naming the URL and the last cause', async () => {
    server.script('/e.json', [{ status: 500 }, { status: 502 }, 'reset']);
    await expect(read('e.json', { ...FAST, attempts: 3 })).rejects.toThrow(
      new RegExp(`GET ${server.url}e\\.json failed after 3 attempts: request failed: fetch failed \\(`),
    );
    expect(server.count('/e.json')).toBe(3);
  });

  it('waits at least as long as a 429 Retry-After says before the next try', async () => {
    server.script('/f.json', [{ status: 429, headers: { 'retry-after': '1' } }, OK]);
    expect(text(await read('f.json'))).toBe('{"ok":true}');
    const [first, second] = server.requests.filter((request) => request.path === '/f.json');
    expect(second!.at - first!.at).toBeGreaterThanOrEqual(990);
  });

  it('stops at once when Retry-After is past the time budget', async () => {
    server.script('/g.json', [{ status: 503, headers: { 'retry-after': '3600' } }, OK]);
    const started = performance.now();
    await expect(read('g.json', { ...FAST, maxTotalMs: 5_000 })).rejects.toThrow(
      /GET .*g\.json failed: HTTP 503 Service Unavailable; its Retry-After \(3600 s\) is past the retry time budget/,
    );
    expect(performance.now() - started).toBeLessThan(1_000);
    expect(server.count('/g.json')).toBe(1);
  });

  it('stops retrying when the total time budget is spent', async () => {
    server.script('/h.json', [{ status: 503 }]);
    const started = performance.now();
    await expect(
      read('h.json', { attempts: 100, minDelayMs: 50, maxDelayMs: 50, maxTotalMs: 400 }),
    ).rejects.toThrow(/GET .*h\.json failed after \d+ attempts: HTTP 503/);
    expect(performance.now() - started).toBeLessThan(1_500);
    expect(server.count('/h.json')).toBeLessThan(100);
  });

  it('reads Retry-After as seconds or as an HTTP date', () => {
    const now = Date.parse('2026-12-06T00:00:00Z');
    expect(parseRetryAfter('7', now)).toBe(7000);
    expect(parseRetryAfter('Sun, 06 Dec 2026 00:00:05 GMT', now)).toBe(5000);
    expect(parseRetryAfter('soon', now)).toBeUndefined();
    expect(parseRetryAfter(null, now)).toBeUndefined();
  });
});

describe('importing from a flaky HTTP mirror', () => {
  let dir: string;
  let server: ScriptedServer;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'ketang-flaky-'));
    await writeSampleMirror(dir, { onlyTextbooksWithLessons: true });
    server = new ScriptedServer({ dir, failFirst: { status: 503 } });
    await server.start();
  });
  afterAll(async () => {
    await server.stop();
    await rm(dir, { recursive: true, force: true });
  });

  it('imports the same catalogue as from the directory when every file fails once with 503', async () => {
    const viaHttp = await importSmartedu(openHttpSource(server.url, { retry: FAST }));
    const viaDir = await importSmartedu(dir);
    // The same issues, in another order: retried files finish later.
    expect(viaHttp.report.issues).toHaveLength(viaDir.report.issues.length);
    expect(viaHttp.report.issues).toEqual(expect.arrayContaining(viaDir.report.issues));
    expect(viaHttp.catalogue).toEqual(viaDir.catalogue);
    expect(viaHttp.report.totals).toMatchObject({ added: 4, lessons: 9, errors: 0 });
  });
});
