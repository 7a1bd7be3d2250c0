// What the box tells the API about itself, over a real HTTP server: its carrier on the reads whose answer
// depends on it (and only those, so CDN cache keys stay few), its model and carrier on playback events.
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { clearCache } from '../src/api/providers/cache.ts';
import { fetchFacets, fetchLesson } from '../src/api/providers/catalog.provider.ts';
import { fetchChannelNow, fetchChannels, fetchTimetable } from '../src/api/providers/channels.provider.ts';
import { fetchCatalogueHome } from '../src/api/providers/home.provider.ts';
import { searchCatalogue } from '../src/api/providers/search.provider.ts';
import { boxLabels } from '../src/carrier/box-labels.ts';
import { DEFAULT_CONFIG, getConfig, loadCarrierConfig, mergeCarrierConfig } from '../src/config.ts';
import { loadFixture } from './fixtures.ts';

const CARRIER = JSON.parse(
  readFileSync(path.resolve(import.meta.dirname, '../../carriers/jx-telecom/carrier.json'), 'utf8'),
);
const FIXTURES: Record<string, string> = {
  '/v1/channels': 'channels.json',
  '/v1/channels/ch-1/timetable': 'timetable.json',
  '/v1/channels/ch-1/now': 'channel-now.json',
  '/v1/home': 'home.json',
  '/v1/facets': 'facets.json',
  '/v1/search': 'search-sx.json',
  '/v1/lessons/l-math-1': 'lesson-playable.json',
};
const received: URL[] = [];
let server: Server;

beforeAll(async () => {
  server = createServer((req, res) => {
    const url = new URL(req.url!, 'http://x');
    received.push(url);
    if (url.pathname === '/carrier.json') {
      const { port } = server.address() as AddressInfo;
      const apiBase = `http://127.0.0.1:${port}`;
      return void res.end(JSON.stringify({ ...CARRIER, endpoints: { ...CARRIER.endpoints, apiBase } }));
    }
    const fixture = FIXTURES[url.pathname];
    if (!fixture) return void res.writeHead(404).end('{"error":{"code":"not_found","message":"no"}}');
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(loadFixture(fixture)));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  // The box as a browser would describe it: a launcher that names the model in the page's query.
  vi.stubGlobal('location', new URL(`http://127.0.0.1:${port}/index.html?model=EC6108V9`));
  vi.stubGlobal('navigator', { userAgent: 'Mozilla/5.0 (Linux; Android 4.4)' });
  await loadCarrierConfig(`http://127.0.0.1:${port}/carrier.json`);
});

afterAll(async () => {
  vi.unstubAllGlobals();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

describe('the box’s carrier on its reads', () => {
  it('is sent on channels, timetables, now and home, and on no other read', async () => {
    expect(getConfig().carrier?.id).toBe('jx-telecom');
    clearCache();
    received.length = 0;
    await Promise.all([
      fetchChannels(),
      fetchTimetable('ch-1'),
      fetchChannelNow('ch-1'),
      fetchCatalogueHome('g1'),
      fetchFacets(),
      searchCatalogue('sx'),
      fetchLesson('l-math-1'),
    ]);
    const carrierOf = Object.fromEntries(
      received.map((url) => [url.pathname, url.searchParams.get('carrier')]),
    );
    expect(carrierOf).toEqual({
      '/v1/channels': 'jx-telecom',
      '/v1/channels/ch-1/timetable': 'jx-telecom',
      '/v1/channels/ch-1/now': 'jx-telecom',
      '/v1/home': 'jx-telecom',
      '/v1/facets': null,
      '/v1/search': null,
      '/v1/lessons/l-math-1': null,
    });
    expect(received.every((url) => url.searchParams.get('region') === 'jx')).toBe(true);
  });
});

describe('the box’s labels on playback events', () => {
  it('names the model the platform gives and the carrier', () => {
    expect(boxLabels()).toEqual({ deviceModel: 'EC6108V9', carrier: 'jx-telecom' });
  });

  it('names the model of the device profile that matched the user agent', () => {
    const box = { userAgent: 'Mozilla/5.0 (Linux; U; Android 4.4; EC6108V9 Build/KOT49H)' };
    const config = mergeCarrierConfig(DEFAULT_CONFIG, CARRIER, box);
    expect(boxLabels(config)).toEqual({ deviceModel: 'EC6108V9', carrier: 'jx-telecom' });
  });

  it('leaves out what it does not know, or what the API would refuse', () => {
    const unknownBox = mergeCarrierConfig(DEFAULT_CONFIG, CARRIER, { userAgent: 'Mozilla/5.0' });
    expect(boxLabels(unknownBox)).toEqual({ carrier: 'jx-telecom' });
    expect(boxLabels({ ...unknownBox, deviceModel: 'Box/2;rm -rf' })).toEqual({ carrier: 'jx-telecom' });
    expect(boxLabels(DEFAULT_CONFIG)).toEqual({});
  });
});
