import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import express from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { webPagesRoutes } from './web-pages.routes.ts';

async function listen(webDir: string): Promise<{ url: string; server: Server }> {
  const app = express();
  app.use(webPagesRoutes(webDir));
  app.use((_req, res) => void res.status(404).send('fell through'));
  const server = await new Promise<Server>((resolve) => {
    const listening = app.listen(0, '127.0.0.1', () => resolve(listening));
  });
  const { port } = server.address() as { port: number };
  return { url: `http://127.0.0.1:${port}`, server };
}

describe('web pages mount', () => {
  const webDir = mkdtempSync(path.join(tmpdir(), 'ketang-web-'));
  let running: { url: string; server: Server };

  beforeAll(async () => {
    mkdirSync(path.join(webDir, 'family'));
    mkdirSync(path.join(webDir, 'web-assets'));
    writeFileSync(path.join(webDir, 'family', 'index.html'), '<!doctype html><title>family</title>');
    writeFileSync(path.join(webDir, 'web-assets', 'family-abc123.js'), 'export {};');
    running = await listen(webDir);
  });

  afterAll(async () => {
    await new Promise((resolve) => running.server.close(resolve));
    rmSync(webDir, { recursive: true, force: true });
  });

  it('serves a page at /<page>/ with headers that keep its token to itself', async () => {
    const response = await fetch(`${running.url}/family/`);
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('<title>family</title>');
    expect(response.headers.get('referrer-policy')).toBe('no-referrer');
    expect(response.headers.get('cache-control')).toBe('no-cache');
    expect(response.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
  });

  it('redirects /family to /family/', async () => {
    const response = await fetch(`${running.url}/family`, { redirect: 'manual' });
    expect(response.status).toBe(301);
    expect(response.headers.get('location')).toBe('/family/');
  });

  it('serves the hashed shared chunks as immutable', async () => {
    const response = await fetch(`${running.url}/web-assets/family-abc123.js`);
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
  });

  it('lets everything else fall through (the TV app owns /)', async () => {
    const response = await fetch(`${running.url}/`);
    expect(await response.text()).toBe('fell through');
  });

  it('is no error when the build is missing', async () => {
    const missing = await listen(path.join(webDir, 'not-built'));
    const response = await fetch(`${missing.url}/family/`);
    expect(response.status).toBe(404);
    expect(await response.text()).toBe('fell through');
    await new Promise((resolve) => missing.server.close(resolve));
  });
});
