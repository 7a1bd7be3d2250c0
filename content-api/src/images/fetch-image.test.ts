import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_FETCH_OPTIONS, fetchAllowedImage, type FetchImageOptions } from './fetch-image.ts';
import { BlockedImageSourceError, checkAddressAllowed, checkUrlAllowed, isUrlAllowed } from './host-guard.ts';

let server: Server;
let port: number;
let png: Buffer;

const options = (hosts: string[], extra: Partial<FetchImageOptions> = {}): FetchImageOptions => ({
  ...DEFAULT_FETCH_OPTIONS,
  allowedHosts: new Set(hosts),
  ...extra,
});

async function blockedReason(promise: Promise<unknown>) {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  return error instanceof BlockedImageSourceError ? error.reason : (error as { reason?: string })?.reason;
}

beforeAll(async () => {
  png = await sharp({ create: { width: 64, height: 48, channels: 3, background: '#3366cc' } })
    .png()
    .toBuffer();
  server = createServer((req, res) => {
    if (req.url === '/picture.png') return res.writeHead(200, { 'content-type': 'image/png' }).end(png);
    if (req.url === '/same-host-redirect') return res.writeHead(302, { location: '/picture.png' }).end();
    if (req.url === '/other-host-redirect')
      return res.writeHead(302, { location: `http://localhost:${port}/picture.png` }).end();
    if (req.url === '/page.html') return res.writeHead(200, { 'content-type': 'text/html' }).end('<p>hi</p>');
    if (req.url === '/big-declared')
      return res.writeHead(200, { 'content-type': 'image/png' }).end(Buffer.alloc(5_000));
    if (req.url === '/big-chunked') {
      res.writeHead(200, { 'content-type': 'image/png' });
      for (let i = 0; i < 5; i++) res.write(Buffer.alloc(1_000));
      return res.end();
    }
    if (req.url === '/never') return; // holds the request open until the client gives up
    res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

describe('the image host guard', () => {
  it('fetches a picture from an allowed host, following a redirect on the same host', async () => {
    const direct = await fetchAllowedImage(`http://127.0.0.1:${port}/picture.png`, options(['127.0.0.1']));
    expect(direct.contentType).toBe('image/png');
    expect(direct.body.equals(png)).toBe(true);
    const redirected = await fetchAllowedImage(
      `http://127.0.0.1:${port}/same-host-redirect`,
      options(['127.0.0.1']),
    );
    expect(redirected.body.equals(png)).toBe(true);
  });

  it('refuses a host that is not on the list before any network', async () => {
    expect(
      await blockedReason(fetchAllowedImage('https://evil.example/a.jpg', options(['img.example.cn']))),
    ).toBe('host-not-allowed');
    expect(() => checkUrlAllowed('ftp://img.example.cn/a.jpg', new Set(['img.example.cn']))).toThrow(/http/);
    expect(() => checkUrlAllowed('http://u:p@img.example.cn/a.jpg', new Set(['img.example.cn']))).toThrow(
      /credentials/,
    );
  });

  it('answers without throwing, as the check that throws does (what lists ask of every lesson)', () => {
    const allowed = new Set(['img.example.cn', '10.0.0.1']);
    const urls = [
      'https://img.example.cn/a.jpg',
      'https://IMG.example.cn/a.jpg',
      'http://10.0.0.1/a.jpg',
      'https://evil.example/a.jpg',
      'http://10.0.0.2/a.jpg',
      'ftp://img.example.cn/a.jpg',
      'http://u:p@img.example.cn/a.jpg',
      'not a url',
    ];
    const passes = (url: string) => {
      try {
        checkUrlAllowed(url, allowed);
        return true;
      } catch {
        return false;
      }
    };
    expect(urls.map((url) => isUrlAllowed(url, allowed))).toEqual(urls.map(passes));
    expect(urls.filter((url) => isUrlAllowed(url, allowed))).toHaveLength(3);
  });

  it('refuses IP literals unless that literal itself is allowed', async () => {
    for (const url of ['http://10.0.0.1/a.jpg', 'http://[::1]/a.jpg', 'http://169.254.169.254/latest'])
      expect(await blockedReason(fetchAllowedImage(url, options(['img.example.cn'])))).toBe('ip-literal');
    expect(checkUrlAllowed('http://10.0.0.1/a.jpg', new Set(['10.0.0.1'])).hostname).toBe('10.0.0.1');
  });

  it('refuses an allowed name that resolves to a private or loopback address', async () => {
    expect(
      await blockedReason(fetchAllowedImage(`http://localhost:${port}/picture.png`, options(['localhost']))),
    ).toBe('private-address');
    for (const address of ['10.1.2.3', '192.168.0.1', '127.0.0.1', '::1', '::ffff:10.0.0.1', 'fd00::1'])
      expect(() => checkAddressAllowed('img.example.cn', address, new Set(['img.example.cn']))).toThrow(
        /not a public address/,
      );
    expect(() => checkAddressAllowed('img.example.cn', '1.2.3.4', new Set(['img.example.cn']))).not.toThrow();
  });

  it('refuses a redirect to another host, even an allowed one', async () => {
    expect(
      await blockedReason(
        fetchAllowedImage(
          `http://127.0.0.1:${port}/other-host-redirect`,
          options(['127.0.0.1', 'localhost']),
        ),
      ),
    ).toBe('redirect-to-other-host');
  });

  it('refuses a body that is not a raster image', async () => {
    const error = await fetchAllowedImage(`http://127.0.0.1:${port}/page.html`, options(['127.0.0.1'])).catch(
      (e: Error) => e,
    );
    expect(error).toMatchObject({ reason: 'content-type', message: expect.stringContaining('text/html') });
  });

  it('refuses bodies over the limit, declared or streamed', async () => {
    for (const file of ['big-declared', 'big-chunked']) {
      const error = await fetchAllowedImage(
        `http://127.0.0.1:${port}/${file}`,
        options(['127.0.0.1'], { maxBytes: 2_000 }),
      ).catch((e: Error) => e);
      expect(error).toMatchObject({ reason: 'too-large' });
    }
  });

  it('gives up on a host that does not answer in time', async () => {
    const started = Date.now();
    const error = await fetchAllowedImage(
      `http://127.0.0.1:${port}/never`,
      options(['127.0.0.1'], { timeoutMs: 300 }),
    ).catch((e: Error) => e);
    expect(error).toMatchObject({ reason: 'timeout' });
    expect(Date.now() - started).toBeLessThan(3_000);
  });
});
