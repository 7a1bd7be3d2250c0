import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../src/server.ts';
import { buildFixtureCatalogue } from '../fixtures/catalogue.ts';
import { getJson, rawGet, sendJson, startApi } from '../support/api.ts';
import { adminHeaders } from '../support/operators.ts';
import { embeddedBackend } from '../support/backends.ts';

const TILE = '?w=400&h=240';

/** A picture server on 127.0.0.1, standing in for an upstream platform's thumbnail host. */
async function startPictureServer(): Promise<{ server: Server; origin: string; requests: string[] }> {
  const photo = await sharp({ create: { width: 1280, height: 720, channels: 3, background: '#c04020' } })
    .jpeg()
    .toBuffer();
  const requests: string[] = [];
  const server = createServer((req, res) => {
    requests.push(req.url ?? '');
    if (req.url === '/poem.jpg') return res.writeHead(200, { 'content-type': 'image/jpeg' }).end(photo);
    if (req.url === '/page.html') return res.writeHead(200, { 'content-type': 'text/html' }).end('<p/>');
    if (req.url === '/huge.jpg')
      return res.writeHead(200, { 'content-type': 'image/jpeg' }).end(Buffer.alloc(9 * 1024 * 1024));
    if (req.url === '/away.jpg')
      return res.writeHead(302, { location: 'http://img.example.org/x.jpg' }).end();
    res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { server, origin, requests };
}

describe('pictures through the image endpoint (embedded store)', () => {
  let api: RunningServer;
  let upstream: Awaited<ReturnType<typeof startPictureServer>>;
  let dataDir: string;

  const lesson = async (id: string) => (await getJson(api.url, `/v1/lessons/${id}`)).body;
  /** A lesson's summary as lists carry it (with `pictureKind`), from its textbook's lesson list. */
  const summary = async (id: string) => {
    const textbook = (await lesson(id)).textbook.id;
    const { body } = await getJson(api.url, `/v1/lessons?textbook=${textbook}&limit=100`);
    return body.items.find((item: { id: string }) => item.id === id);
  };
  const picture = (url: string, query = TILE) => fetch(new URL(url + query, api.url));
  type ErrorBody = { error: { code: string; details: { path: string; message: string }[] } };
  const errorOf = async (response: Response) => ((await response.json()) as ErrorBody).error;

  beforeAll(async () => {
    upstream = await startPictureServer();
    const catalogue = buildFixtureCatalogue();
    const withThumbnail = (id: string, file: string) => {
      catalogue.lessons.find((l) => l.id === id)!.thumbnailUrl = `${upstream.origin}/${file}`;
    };
    withThumbnail('l-poem', 'poem.jpg');
    withThumbnail('l-div', 'page.html');
    withThumbnail('l-motion', 'huge.jpg');
    withThumbnail('l-add-10', 'away.jpg');
    catalogue.lessons.find((l) => l.id === 'l-shapes-2')!.thumbnailUrl = 'https://img.example.org/far.jpg';
    catalogue.assets[0]!.posterUrl = '/media/asset-shapes/poster.jpg';
    const storage = await embeddedBackend.open();
    dataDir = storage.dataDir;
    const poster = await sharp({ create: { width: 1920, height: 1080, channels: 3, background: '#20a040' } })
      .jpeg()
      .toBuffer();
    api = await startApi(storage, catalogue, {
      prepareMedia: (mediaDir) => {
        mkdirSync(path.join(mediaDir, 'asset-shapes'), { recursive: true });
        writeFileSync(path.join(mediaDir, 'asset-shapes', 'poster.jpg'), poster);
      },
    });
  }, 60_000);

  afterAll(async () => {
    await api?.close();
    await embeddedBackend.shutdown();
    upstream?.server.close();
  });

  it('links every lesson to its own image endpoint, never to a foreign host', async () => {
    const { body } = await getJson(api.url, '/v1/lessons?textbook=tb-math-g1-pep-v1&limit=100');
    expect(body.items.length).toBeGreaterThan(20);
    for (const item of body.items) expect(item.thumbnailUrl).toMatch(/^\/v1\/images\/[\w-]+\.[\w-]{22}$/);
    const detail = await lesson('l-shapes-2');
    expect(detail.thumbnailUrl).toMatch(/^\/v1\/images\//);
    expect(JSON.stringify(body)).not.toContain('img.example.org');
  });

  it('serves the packaged poster resized, immutable, with an ETag that answers 304', async () => {
    const response = await picture((await lesson('l-shapes')).thumbnailUrl);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('image/webp');
    expect(response.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    const image = sharp(Buffer.from(await response.arrayBuffer()));
    expect(await image.metadata()).toMatchObject({ width: 400, height: 240, format: 'webp' });
    const { dominant } = await image.stats();
    expect(dominant.g).toBeGreaterThan(dominant.r + 60); // the green poster, not a cover
    expect(await summary('l-shapes')).toMatchObject({ pictureKind: 'video-frame' });
    const etag = response.headers.get('etag')!;
    expect(etag).toMatch(/^"[0-9a-f]{32}"$/);
    // As a box's HTTP cache revalidates (fetch() would add `Cache-Control: no-cache` and so skip the 304).
    const url = new URL((await lesson('l-shapes')).thumbnailUrl + TILE, api.url).href;
    expect((await rawGet(url, { 'if-none-match': etag })).status).toBe(304);
  });

  it('makes a cover when the upstream host is not allowed, and a cached picture is on disk', async () => {
    const url = (await lesson('l-poem')).thumbnailUrl;
    const response = await picture(url, '?w=640&h=360&format=jpeg');
    expect(response.status).toBe(200);
    const image = sharp(Buffer.from(await response.arrayBuffer()));
    expect(await image.metadata()).toMatchObject({ width: 640, height: 360, format: 'jpeg' });
    expect(Math.max(...(await image.stats()).channels.map((c) => c.stdev))).toBeGreaterThan(20);
    expect(upstream.requests).toEqual([]); // nothing was fetched from a host nobody allowed
    expect(await summary('l-poem')).toMatchObject({ pictureKind: 'generated-cover' });
    const cacheDir = path.join(dataDir, 'images');
    expect(existsSync(cacheDir)).toBe(true);
    const files = readdirSync(cacheDir, { recursive: true }).map(String);
    expect(files.some((file) => file.endsWith('.jpeg'))).toBe(true);
    expect(files.some((file) => file.endsWith('.tmp'))).toBe(false);
  });

  it('lets an admin allow a host (audited); then the upstream picture is fetched and resized', async () => {
    const operator = await adminHeaders(api.url);
    const bad = await sendJson(
      api.url,
      '/v1/operator/image-hosts',
      'PUT',
      { hosts: ['http://x/'] },
      operator,
    );
    expect(bad.status).toBe(400);
    expect(bad.body.error.details[0].path).toBe('body.hosts.0');
    const put = await sendJson(
      api.url,
      '/v1/operator/image-hosts',
      'PUT',
      { hosts: ['127.0.0.1'] },
      operator,
    );
    expect(put).toMatchObject({ status: 200, body: { hosts: ['127.0.0.1'] } });
    const audit = await getJson(api.url, '/v1/operator/audit?limit=5', { headers: operator });
    expect(audit.body.items[0]).toMatchObject({ action: 'images.hosts', after: { hosts: ['127.0.0.1'] } });

    const response = await picture((await lesson('l-poem')).thumbnailUrl);
    expect(response.status).toBe(200);
    const image = sharp(Buffer.from(await response.arrayBuffer()));
    expect(await image.metadata()).toMatchObject({ width: 400, height: 240 });
    const { dominant } = await image.stats();
    expect(dominant.r).toBeGreaterThan(dominant.g + 60); // the red upstream photo
    expect(await summary('l-poem')).toMatchObject({ pictureKind: 'upstream-image' });
    expect(upstream.requests).toContain('/poem.jpg');
  });

  it('answers clear errors: wrong size 400, forged key 404, wrong type 415, oversize 413, redirect away 502', async () => {
    const url = (await lesson('l-poem')).thumbnailUrl as string;
    const size = await picture(url, '?w=1920&h=1080');
    expect(size.status).toBe(400);
    expect((await errorOf(size)).details[0]!.message).toContain('400x240');
    const forged = await picture(`${url.slice(0, -3)}AAA`);
    expect(forged.status).toBe(404); // a well-formed key the API never signed names no picture
    expect((await errorOf(forged)).code).toBe('not_found');
    const expectError = async (id: string, status: number, code: string) => {
      const response = await picture((await lesson(id)).thumbnailUrl);
      expect(response.status).toBe(status);
      expect((await errorOf(response)).code).toBe(code);
    };
    await expectError('l-div', 415, 'image_type_unsupported');
    await expectError('l-motion', 413, 'image_too_large');
    await expectError('l-add-10', 502, 'image_redirect_to_other_host');
  });
});
