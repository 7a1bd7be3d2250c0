// Providers against a real HTTP server answering with the device-API fixtures.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiError, ApiUnreachableError } from '../src/api/client.ts';
import { fetchAllLessons, fetchFacets, fetchLesson } from '../src/api/providers/catalog.provider.ts';
import { clearCache } from '../src/api/providers/cache.ts';
import { fetchCatalogueHome } from '../src/api/providers/home.provider.ts';
import { searchCatalogue } from '../src/api/providers/search.provider.ts';
import { loadCarrierConfig } from '../src/config.ts';
import { loadFixture } from './fixtures.ts';

const routes: Record<string, [number, string]> = {
  '/v1/home': [200, 'home.json'],
  '/v1/facets': [200, 'facets.json'],
  '/v1/lessons': [200, 'lessons-page.json'],
  '/v1/lessons/l-math-1': [200, 'lesson-playable.json'],
  '/v1/search': [200, 'search-sx.json'],
};
const received: { method: string; url: string; body: string }[] = [];
let server: Server;
let base = '';

beforeAll(async () => {
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => (body += chunk));
    req.on('end', () => {
      received.push({ method: req.method!, url: req.url!, body });
      const url = new URL(req.url!, 'http://x');
      if (url.pathname === '/carrier.json') return void res.end(JSON.stringify({ apiBase: base }));
      if (url.pathname === '/v1/facets' && received.filter((r) => r.url === '/v1/facets').length === 1) {
        return void res.writeHead(503).end('{"error":{"code":"unavailable","message":"store down"}}');
      }
      if (req.method !== 'GET')
        return void res.writeHead(req.method === 'POST' ? 202 : 200).end('{"accepted":true}');
      const route = routes[url.pathname];
      if (!route) return void res.writeHead(404).end(JSON.stringify(loadFixture('error-not-found.json')));
      res
        .writeHead(route[0], { 'content-type': 'application/json' })
        .end(JSON.stringify(loadFixture(route[1])));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  await loadCarrierConfig(`${base}/carrier.json`);
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('providers', () => {
  it("reads a grade's catalogue home and caches it", async () => {
    clearCache();
    const first = await fetchCatalogueHome('g1');
    await fetchCatalogueHome('g1');
    expect(first.rails).toHaveLength(5);
    expect(received.filter((r) => r.url === '/v1/home?grade=g1')).toHaveLength(1);
  });

  it('reports a 503 as unreachable, does not cache the failure, and succeeds on retry', async () => {
    await expect(fetchFacets()).rejects.toBeInstanceOf(ApiUnreachableError);
    expect((await fetchFacets())[0]!.id).toBe('primary');
  });

  it("surfaces the API's error body for an unknown lesson", async () => {
    const error = await fetchLesson('nope').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).code).toBe('not_found');
    expect((await fetchLesson('l-math-1')).playability.playable).toBe(true);
  });

  it('pages lessons with limit 100 and searches by initials', async () => {
    const lessons = await fetchAllLessons({ textbook: 'tb-math-1a', unit: 'u1' });
    expect(lessons).toHaveLength(4);
    expect(received.some((r) => r.url === '/v1/lessons?textbook=tb-math-1a&unit=u1&limit=100')).toBe(true);
    expect((await searchCatalogue('sx')).subjects[0]!.id).toBe('math');
    expect((await searchCatalogue('  ')).lessons).toEqual([]);
  });

  it('says the API is unreachable when nothing listens', async () => {
    await loadCarrierConfig(`${base}/carrier.json`);
    const { requestJson } = await import('../src/api/client.ts');
    await expect(requestJson('http://127.0.0.1:9/v1/home')).rejects.toBeInstanceOf(ApiUnreachableError);
  });
});
