// Issue 13/14's seam, the box's carrier on its reads: the TV app's own providers (its API client, its config
// loaded from a carrier document) against the REAL content API, where region jx has a release for every
// carrier and another for jx-telecom. A box configured for jx-telecom sees its carrier's timetable; a box
// without a carrier (the older flat carrier.json with only a region) sees the region's.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { RunningServer } from '../../content-api/src/server.ts';
import { buildFixtureCatalogue } from '../../content-api/test/fixtures/catalogue.ts';
import { ADMIN_PASSWORD, sendJson, startApi } from '../../content-api/test/support/api.ts';
import { clearCache } from '../../tv-app/src/api/providers/cache.ts';
import { fetchChannels, fetchTimetable } from '../../tv-app/src/api/providers/channels.provider.ts';
import { getConfig, loadCarrierConfig } from '../../tv-app/src/config.ts';

const REPO = path.resolve(import.meta.dirname, '../..');
// Monday 7 December 2026, 08:05 in Asia/Shanghai: the fixture's grade-1 channel airs every half hour.
const START = new Date('2026-12-07T00:05:00Z');
const CARRIER = 'jx-telecom';

describe("the box's carrier chooses its release (TV providers over the real API)", () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'ketang-box-carrier-'));
  let api: RunningServer;
  let carrierJson = '';
  let files: Server;

  /** Loads the TV's config from `body` served as carrier.json, as a box starts. */
  const boxWith = async (body: object) => {
    carrierJson = JSON.stringify(body);
    await loadCarrierConfig(`http://127.0.0.1:${(files.address() as AddressInfo).port}/carrier.json`);
    clearCache();
  };
  const airedOnMonday = async () => (await fetchTimetable('ch-g1')).slots.map((slot) => slot.lesson.id);

  beforeAll(async () => {
    api = await startApi({ dataDir }, buildFixtureCatalogue(START), { clock: () => START });
    files = createServer((_req, res) => res.end(carrierJson));
    await new Promise<void>((resolve) => files.listen(0, '127.0.0.1', resolve));
    vi.stubGlobal('location', new URL(`http://127.0.0.1:${(files.address() as AddressInfo).port}/`));
    vi.stubGlobal('navigator', { userAgent: 'Mozilla/5.0 (Linux; Android 9)' });
    const session = await sendJson(api.url, '/v1/operator/sessions', 'POST', {
      username: 'admin',
      password: ADMIN_PASSWORD,
    });
    const operator = { authorization: `Bearer ${session.body.token}` };
    const release = async (carrier: string, lessonId: string) => {
      const draft = `/v1/operator/regions/jx/draft/channels/ch-g1/slots?carrier=${carrier}`;
      const slots = [{ start: '2026-12-07T08:00:00+08:00', lessonId }];
      const written = await sendJson(api.url, draft, 'PUT', { from: '2026-12-07', days: 1, slots }, operator);
      expect(written.status, JSON.stringify(written.body)).toBe(200);
      const published = await sendJson(
        api.url,
        '/v1/operator/regions/jx/releases',
        'POST',
        { carrier },
        operator,
      );
      expect(published.status, JSON.stringify(published.body)).toBe(201);
    };
    await release('all', 'l-shapes');
    await release(CARRIER, 'l-poem');
  }, 120_000);

  afterAll(async () => {
    vi.unstubAllGlobals();
    await new Promise<void>((resolve) => files?.close(() => resolve()));
    await api?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('shows a jx-telecom box the jx-telecom release', async () => {
    const doc = JSON.parse(readFileSync(path.join(REPO, 'carriers', CARRIER, 'carrier.json'), 'utf8'));
    await boxWith({ ...doc, endpoints: { ...doc.endpoints, apiBase: api.url } });
    expect(getConfig()).toMatchObject({ region: 'jx', carrier: { id: CARRIER } });
    expect(await airedOnMonday()).toEqual(['l-poem']);
    expect((await fetchChannels()).find((channel) => channel.id === 'ch-g1')?.now?.lesson.id).toBe('l-poem');
  });

  it('shows a box without a carrier the region’s release for every carrier', async () => {
    await boxWith({ apiBase: api.url, region: 'jx' });
    expect(getConfig().carrier).toBeUndefined();
    expect(await airedOnMonday()).toEqual(['l-shapes']);
    expect((await fetchChannels()).find((channel) => channel.id === 'ch-g1')?.now?.lesson.id).toBe(
      'l-shapes',
    );
  });
});
