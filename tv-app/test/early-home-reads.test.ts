// The home's first reads at boot (main.ts → startEarlyHomeReads): the household and the remembered profile's
// home are asked for together, before Home asks, and Home's first calls take those answers instead of asking
// again; a profile other than the remembered one, and every later call, asks the API. Against a real server.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Household, Profile } from '../src/api/family-types.ts';
import {
  fetchHousehold,
  fetchProfileHome,
  startEarlyHomeReads,
} from '../src/api/providers/family.provider.ts';
import { loadCarrierConfig } from '../src/config.ts';
import { setPlatform } from '../src/platform/current.ts';
import type { Platform, PlatformStorage } from '../src/platform/types.ts';
import { writeCredential } from '../src/state/credential.ts';
import { loadFixture } from './fixtures.ts';

const household = loadFixture<Household>('household.json');
const child = household.profiles[0]!;
const received: string[] = [];
/** Answers wait until both boot reads have arrived: proof they are in flight together. */
let releaseBothAsked: () => void = () => undefined;
const bothAsked = new Promise<void>((resolve) => (releaseBothAsked = resolve));
/** While true the API answers 503 at once: the box booted while it was down. */
let isDown = false;
let homeReadsAnswered = 0;
let server: Server;
let base = '';

function memoryStorage(): PlatformStorage {
  const values = new Map<string, string>();
  return {
    get: (key) => values.get(key) ?? null,
    set: (key, value) => void values.set(key, value),
    remove: (key) => void values.delete(key),
  };
}

beforeAll(async () => {
  server = createServer((req, res) => {
    const path = new URL(req.url!, 'http://x').pathname;
    received.push(`${req.method} ${path} ${req.headers.authorization ?? ''}`);
    if (path === '/carrier.json') return void res.end(JSON.stringify({ apiBase: base }));
    if (isDown) {
      if (path.endsWith('/home')) homeReadsAnswered += 1;
      return void res.writeHead(503, { 'content-type': 'application/json' }).end('{"error":{"code":"down"}}');
    }
    if (received.filter((line) => line.startsWith('GET /v1/household')).length >= 2) releaseBothAsked();
    void bothAsked.then(() => {
      const answer =
        path === '/v1/household'
          ? household
          : {
              profile: { id: path.split('/')[4] },
              today: [],
              rails: [{ id: `rails of ${path.split('/')[4]}` }],
            };
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(answer));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  await loadCarrierConfig(`${base}/carrier.json`);
  // Only the storage is read on this path; the rest of the adapter is the platform tests' business.
  setPlatform({ storage: memoryStorage() } as unknown as Platform);
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const homeOf = (id: string): Profile => ({ ...child, id });

describe('early home reads', () => {
  it('does nothing on a box without a credential (the first start asks at Home)', () => {
    startEarlyHomeReads(child.id);
    expect(received.filter((line) => line.startsWith('GET /v1/'))).toEqual([]);
  });

  it('asks for the household and the remembered home at once, and Home takes those answers', async () => {
    writeCredential({ token: 'tok', householdId: household.id, deviceId: 'd1' });
    startEarlyHomeReads(child.id);
    const [found, home] = await Promise.all([fetchHousehold(), fetchProfileHome(homeOf(child.id))]);
    expect(found.profiles[0]!.id).toBe(child.id);
    expect(home.rails[0]!.id).toBe(`rails of ${child.id}`);
    // In either order: both are in flight before either is answered.
    expect(received.filter((line) => line.startsWith('GET /v1/')).sort()).toEqual([
      'GET /v1/household Bearer tok',
      `GET /v1/household/profiles/${child.id}/home Bearer tok`,
    ]);
  });

  it('asks again for a later call and for a profile other than the remembered one', async () => {
    startEarlyHomeReads(child.id);
    const other = await fetchProfileHome(homeOf('p-other'));
    expect(other.rails[0]!.id).toBe('rails of p-other');
    await fetchHousehold(); // the boot's answer
    await fetchHousehold(); // a new read
    const asked = received.filter((line) => line.startsWith('GET /v1/')).slice(2);
    // The boot's two reads, p-other's home, one new household read (the order is the network's).
    expect(asked.sort()).toEqual([
      'GET /v1/household Bearer tok',
      'GET /v1/household Bearer tok',
      `GET /v1/household/profiles/${child.id}/home Bearer tok`,
      'GET /v1/household/profiles/p-other/home Bearer tok',
    ]);
  });

  it('forgets a boot read that failed: Home’s Retry, once the API is back, asks again', async () => {
    isDown = true;
    startEarlyHomeReads(child.id);
    await expect(fetchHousehold()).rejects.toThrow(); // the boot's household read, failed
    for (let waited = 0; homeReadsAnswered === 0 && waited < 5_000; waited += 20)
      await new Promise((resolve) => setTimeout(resolve, 20));
    await new Promise((resolve) => setTimeout(resolve, 50)); // the failed answer reaches the box
    isDown = false;
    const home = await fetchProfileHome(homeOf(child.id));
    expect(home.rails[0]!.id).toBe(`rails of ${child.id}`);
  });
});
