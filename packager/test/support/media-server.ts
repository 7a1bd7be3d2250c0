import express from 'express';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { createRequire } from 'node:module';

const SHAKA_DIST = path.dirname(
  createRequire(import.meta.url).resolve('shaka-player/dist/shaka-player.compiled.js'),
);

// A test page that loads the manifest, then plays each codec family Shaka kept for a moment.
const PLAYER_PAGE = `<!doctype html><meta charset="utf-8"><video id="v" muted width="320"></video>
<script src="/shaka/shaka-player.compiled.js"></script>`;

/** Serves the media root at /media (with range requests, like the content API) plus Shaka Player and a page. */
export async function startMediaServer(
  outRoot: string,
): Promise<{ origin: string; close: () => Promise<void> }> {
  const app = express();
  app.use('/media', express.static(outRoot, { acceptRanges: true }));
  app.use('/shaka', express.static(SHAKA_DIST));
  app.get('/player.html', (_req, res) => res.type('html').send(PLAYER_PAGE));
  const server: Server = await new Promise((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
