// The one playback decision as a box receives it (per lesson and per box profile), and the key endpoint of a
// licensed AES-128 source: the box asks with its own credential, the API asks the licensee with its token.
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../src/server.ts';
import { buildFixtureCatalogue } from '../fixtures/catalogue.ts';
import { getJson, sendJson, startApi } from '../support/api.ts';
import { adminHeaders } from '../support/operators.ts';

const KEY = Buffer.from('00112233445566778899aabbccddeeff', 'hex');
const LICENSEE_TOKEN = 'licensee-token-7f3a';

describe('playback decision and licensed keys', () => {
  let api: RunningServer;
  let keyServer: Server;
  let keyBase: string;
  let boxToken: string;
  let admin: Record<string, string>;
  const dataDir = mkdtempSync(path.join(tmpdir(), 'ketang-playback-'));
  const seen: IncomingHttpHeaders[] = [];

  beforeAll(async () => {
    keyServer = createServer((req, res) => {
      seen.push(req.headers);
      if (req.headers.authorization !== `Bearer ${LICENSEE_TOKEN}`) return res.writeHead(401).end();
      res.writeHead(200, { 'content-type': 'application/octet-stream' }).end(KEY);
    });
    await new Promise<void>((resolve) => keyServer.listen(0, '127.0.0.1', resolve));
    keyBase = `http://127.0.0.1:${(keyServer.address() as { port: number }).port}`;
    api = await startApi({ dataDir }, buildFixtureCatalogue());
    boxToken = (await sendJson(api.url, '/v1/households', 'POST', {})).body.token;
    admin = await adminHeaders(api.url);
  }, 60_000);

  afterAll(async () => {
    await api?.close();
    await new Promise((resolve) => keyServer?.close(resolve));
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('pins the best codec family both the asset and the box have', async () => {
    const as = async (codecs?: string) =>
      (await getJson(api.url, `/v1/lessons/l-shapes${codecs ? `?codecs=${codecs}` : ''}`)).body;
    expect((await as()).playback).toMatchObject({ type: 'packaged', codecFamily: 'h264' });
    expect((await as('h264,av1')).playback).toMatchObject({ type: 'packaged', codecFamily: 'av1' });
    const hevcOnly = await as('hevc');
    expect(hevcOnly.playability).toMatchObject({ playable: false, reason: { code: 'no-decodable-codec' } });
    expect(hevcOnly.playback).toBeUndefined();
    expect((await getJson(api.url, '/v1/lessons/l-shapes?codecs=vp9')).status).toBe(400);
  });

  it('an attached licensed HLS source makes the tile and the lesson playable, with keys through the API', async () => {
    const before = (await getJson(api.url, '/v1/lessons/l-div?codecs=av1,h264')).body;
    expect(before.playability.playable).toBe(false);
    const attached = await sendJson(
      api.url,
      '/v1/operator/lessons/l-div/source',
      'PUT',
      {
        type: 'external-hls',
        url: 'https://cdn.licensee.example.cn/div/master.m3u8',
        keyServiceUrl: `${keyBase}/keys/`,
        keyToken: LICENSEE_TOKEN,
      },
      admin,
    );
    expect(attached.status).toBe(200);
    await api.services.views.fresh();
    // A licensed source is curation: a draft until a release publishes it (issue 13).
    expect((await getJson(api.url, '/v1/lessons/l-div?codecs=av1,h264')).body.playability.playable).toBe(
      false,
    );
    expect(
      (await sendJson(api.url, '/v1/operator/regions/national/releases', 'POST', {}, admin)).status,
    ).toBe(201);
    const lesson = (await getJson(api.url, '/v1/lessons/l-div?codecs=av1,h264')).body;
    expect(lesson.playability).toEqual({ playable: true });
    expect(lesson.playback).toEqual({
      type: 'external-hls',
      codecFamily: 'h264',
      url: 'https://cdn.licensee.example.cn/div/master.m3u8',
      keys: { url: '/v1/household/playback-keys?lesson=l-div' },
    });
    expect(JSON.stringify(lesson)).not.toContain(LICENSEE_TOKEN);
    const page = (await getJson(api.url, '/v1/lessons?textbook=tb-math-g2-bnu-v2')).body;
    expect(page.items.find((item: { id: string }) => item.id === 'l-div').playable).toBe(true);

    const keyUrl = (uri: string) => `${api.url}${lesson.playback.keys.url}&uri=${encodeURIComponent(uri)}`;
    const asBox = { headers: { authorization: `Bearer ${boxToken}` } };
    const key = await fetch(keyUrl(`${keyBase}/keys/k1`), asBox);
    expect(key.status).toBe(200);
    expect(key.headers.get('cache-control')).toMatch(/no-store/);
    expect(Buffer.from(await key.arrayBuffer())).toEqual(KEY);
    expect(seen.at(-1)!.authorization).toBe(`Bearer ${LICENSEE_TOKEN}`);

    const asked = seen.length;
    expect((await fetch(keyUrl(`${keyBase}/keys/k1`))).status).toBe(401); // no box credential
    expect((await fetch(keyUrl(`${keyBase}/elsewhere/k1`), asBox)).status).toBe(400);
    expect((await fetch(keyUrl('http://169.254.169.254/keys/k1'), asBox)).status).toBe(400);
    const other = `${api.url}/v1/household/playback-keys?lesson=l-poem&uri=${encodeURIComponent(`${keyBase}/keys/k1`)}`;
    expect((await fetch(other, asBox)).status).toBe(404);
    expect(seen.length).toBe(asked); // none of those reached the licensee
  });

  it('refuses a key service that is not an absolute http(s) URL, naming the field', async () => {
    for (const keyServiceUrl of ['/keys/', 'ftp://keys.example.cn/', 'http:///keys']) {
      const answer = await sendJson(
        api.url,
        '/v1/operator/lessons/l-poem/source',
        'PUT',
        { type: 'external-hls', url: 'https://cdn.licensee.example.cn/poem.m3u8', keyServiceUrl },
        admin,
      );
      expect(answer.status, keyServiceUrl).toBe(400);
      expect(JSON.stringify(answer.body.error.details), keyServiceUrl).toContain('keyServiceUrl');
    }
  });
});
