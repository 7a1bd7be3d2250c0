import type { PackagedAsset } from '@ketang/catalog';
import express from 'express';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PackagerError, registerAsset } from '../src/index.ts';

const TOKEN = 'operator-secret';
const ASSET: PackagedAsset = {
  id: 'lesson:01',
  durationSeconds: 6,
  dashUrl: '/media/lesson%3A01/manifest.mpd',
  hlsUrl: '/media/lesson%3A01/master.m3u8',
  renditions: [
    {
      id: 'h264-360p',
      codecFamily: 'h264',
      codecs: 'avc1.64001e',
      width: 640,
      height: 360,
      frameRate: 25,
      bandwidth: 800000,
    },
  ],
  audio: [],
  captions: [],
  hasTrickPlay: true,
  encryption: 'none',
  createdAt: '2026-01-01T00:00:00.000Z',
};

let server: Server;
let apiBase: string;
const received: Array<{ id: string; auth?: string; body: unknown }> = [];

// A tiny stand-in for the content API's operator endpoint, on 127.0.0.1.
beforeAll(async () => {
  const app = express();
  app.use(express.json());
  app.put('/v1/operator/assets/:assetId', (req, res) => {
    received.push({ id: req.params.assetId, auth: req.headers.authorization, body: req.body });
    if (req.headers.authorization !== `Bearer ${TOKEN}`) {
      res.status(401).json({ error: { code: 'unauthorized', message: 'bad operator token', details: null } });
      return;
    }
    res.status(201).json({ ...req.body, stored: true });
  });
  server = await new Promise((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  apiBase = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('registerAsset', () => {
  it('PUTs the asset with the bearer token and returns what the API stored', async () => {
    const stored = await registerAsset(ASSET, { apiBase: `${apiBase}/`, token: TOKEN });
    expect(stored).toMatchObject({ id: 'lesson:01', stored: true });
    expect(received.at(-1)).toEqual({ id: 'lesson:01', auth: `Bearer ${TOKEN}`, body: ASSET });
  });

  it('turns an API error body into a PackagerError carrying status and message', async () => {
    const attempt = registerAsset(ASSET, { apiBase, token: 'wrong' });
    await expect(attempt).rejects.toBeInstanceOf(PackagerError);
    await expect(attempt).rejects.toMatchObject({
      code: 'register.failed',
      params: { status: 401, message: 'bad operator token' },
      details: { code: 'unauthorized' },
    });
  });

  it('names the URL when the API cannot be reached', async () => {
    const attempt = registerAsset(ASSET, { apiBase: 'http://127.0.0.1:9', token: TOKEN });
    await expect(attempt).rejects.toMatchObject({ code: 'register.unreachable' });
    await expect(attempt).rejects.toThrow('127.0.0.1:9');
  });
});
