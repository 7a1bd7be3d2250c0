// Catalogue reads answered early from the response cache (app.ts, catalogue-cache.ts `answerEarly`): the same
// protections as a read that runs the whole chain — security headers, CORS, request id, ETag/304, gzip — and
// nothing the later checks refuse gets through (other methods, bodies, previews). Embedded store.
import { mkdtempSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../src/server.ts';
import { buildFixtureCatalogue } from '../fixtures/catalogue.ts';
import { getJson, rawGet, sendJson, startApi } from '../support/api.ts';

const CARRIER = 'https://tv.carrier.example';
const SECURITY_HEADERS = [
  'content-security-policy',
  'cross-origin-opener-policy',
  'cross-origin-resource-policy',
  'origin-agent-cluster',
  'referrer-policy',
  'strict-transport-security',
  'x-content-type-options',
  'x-dns-prefetch-control',
  'x-download-options',
  'x-frame-options',
  'x-permitted-cross-domain-policies',
  'x-xss-protection',
];
/** A request fetch() will not send: a GET with a body. */
function rawRequest(url: string, method: string, body: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const outgoing = request(
      url,
      {
        method,
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
      },
      (response) => {
        let text = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => (text += chunk));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, body: text }));
      },
    );
    outgoing.on('error', reject);
    outgoing.end(body);
  });
}
const securityOf = (headers: Headers) =>
  Object.fromEntries(SECURITY_HEADERS.map((name) => [name, headers.get(name)]));

describe('catalogue reads answered from the response cache', () => {
  let api: RunningServer;
  let base: string;
  const dataDir = mkdtempSync(path.join(tmpdir(), 'ketang-cached-reads-'));

  beforeAll(async () => {
    api = await startApi({ dataDir }, buildFixtureCatalogue(), {
      config: { corsOrigins: [CARRIER], writesPerMinute: 5 },
    });
    base = api.url;
  }, 60_000);

  afterAll(async () => {
    await api?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('answers a repeat read with the same body, ETag, security headers, CORS and a fresh request id', async () => {
    const url = `${base}/v1/lessons?grade=g1&limit=5`;
    const init = { headers: { origin: CARRIER, 'accept-encoding': 'gzip' } };
    const first = await fetch(url, init);
    const again = await fetch(url, init);
    expect(first.status).toBe(200);
    expect(again.status).toBe(200);
    expect(await again.json()).toEqual(await first.json());
    expect(again.headers.get('etag')).toBe(first.headers.get('etag'));
    expect(again.headers.get('content-encoding')).toBe('gzip');
    expect(again.headers.get('cache-control')).toBe(first.headers.get('cache-control'));
    expect(securityOf(again.headers)).toEqual(securityOf(first.headers));
    expect(again.headers.get('content-security-policy')).toBe(
      "default-src 'none';frame-ancestors 'none';base-uri 'none'",
    );
    expect(again.headers.get('access-control-allow-origin')).toBe(CARRIER);
    expect(again.headers.get('access-control-allow-credentials')).toBe('true');
    expect(again.headers.get('vary')).toMatch(/Origin/);
    expect(again.headers.get('vary')).toMatch(/Accept-Encoding/);
    const ids = [first, again].map((response) => response.headers.get('x-request-id'));
    expect(ids[0]).toBeTruthy();
    expect(ids[1]).toBeTruthy();
    expect(ids[1]).not.toBe(ids[0]);
    const stranger = await fetch(url, { headers: { origin: 'https://evil.example' } });
    expect(stranger.status).toBe(200);
    expect(stranger.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('answers 304 to a current If-None-Match from the cache, with the security headers', async () => {
    const url = `${base}/v1/lessons?grade=g1&limit=6`;
    const etag = (await fetch(url)).headers.get('etag')!;
    // fetch() adds `Cache-Control: no-cache` to conditional requests, so ask the way a CDN or box does.
    const notModified = await rawGet(url, { 'if-none-match': etag, 'x-request-id': 'box-request-0001' });
    expect(notModified.status).toBe(304);
    expect(notModified.headers.etag).toBe(etag);
    expect(notModified.headers['x-content-type-options']).toBe('nosniff');
    expect(notModified.headers['x-request-id']).toBe('box-request-0001');
    expect((await rawGet(url, { 'if-none-match': '"other"' })).status).toBe(200);
  });

  it('leaves other methods, bodies and previews to the full chain', async () => {
    const url = '/v1/lessons?grade=g1&limit=7';
    expect((await getJson(base, url)).status).toBe(200);
    const put = await sendJson(base, url, 'PUT', {});
    expect(put.status).toBe(405);
    expect(put.headers.get('allow')).toBe('GET, HEAD, OPTIONS');
    // Twice: the second answer comes from the remembered methods of the path.
    expect((await sendJson(base, url, 'PUT', {})).headers.get('allow')).toBe('GET, HEAD, OPTIONS');
    const withBody = await rawRequest(`${base}${url}`, 'GET', '{"$where":"1"}');
    expect(withBody.status).toBe(400);
    expect(withBody.body).toContain('operator_injection');
    expect((await getJson(base, '/v1/home')).status).toBe(200);
    const preview = await getJson(base, '/v1/home', { headers: { 'x-ketang-preview': '12345678' } });
    expect(preview.headers.get('cache-control')).toBe('private, no-store');
  });

  it('still limits writes per address once reads are cached', async () => {
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 7; attempt += 1) {
      expect((await getJson(base, '/v1/lessons?grade=g1&limit=8')).status).toBe(200);
      statuses.push((await sendJson(base, '/v1/events', 'POST', { kind: 'playback' })).status);
    }
    expect(statuses.slice(0, 5)).not.toContain(429);
    expect(statuses.slice(5)).toEqual([429, 429]);
  });
});
