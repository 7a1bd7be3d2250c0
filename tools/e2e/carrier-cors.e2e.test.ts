// CORS on /v1 from a real browser: a page served on one 127.0.0.1 port calls the API on another. Its fetches
// fail until a carrier's published configuration names its origin in `endpoints.appOrigins`, then succeed;
// a page on an origin no configuration names keeps failing.
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from './browser.ts';
import { startAppServer, type ServedApp } from './carrier-package.ts';
import { SERVER_ENTRY, startContentApi, type RunningApi } from './content-api-server.ts';

const canRun = existsSync(SERVER_ENTRY) || process.env.CI === 'true';
const ADMIN_PASSWORD = 'carrier-cors-admin-password';
const REPO = path.resolve(import.meta.dirname, '../..');

describe.runIf(canRun)('CORS for the origins carriers publish, in Chromium', () => {
  let api: RunningApi;
  let named: ServedApp;
  let stranger: ServedApp;
  let browser: Browser;

  beforeAll(async () => {
    [named, stranger] = await Promise.all([startAppServer(), startAppServer()]);
    const pageDir = await mkdtemp(path.join(tmpdir(), 'ketang-cors-page-'));
    await writeFile(path.join(pageDir, 'index.html'), '<!doctype html><title>carrier page</title>');
    named.serve(pageDir);
    stranger.serve(pageDir);
    api = await startContentApi({ env: { KETANG_ADMIN_PASSWORD: ADMIN_PASSWORD } });
    browser = await launchChromium();
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await api?.stop();
    await Promise.all([named?.close(), stranger?.close()]);
  });

  /** What a page on `app`'s origin gets when it fetches the channel list from the API. */
  async function fetchFrom(app: ServedApp): Promise<string> {
    const page = await browser.newPage();
    await page.goto(app.url);
    const outcome = await page.evaluate(async (url) => {
      try {
        const response = await fetch(url);
        return `status ${response.status}`;
      } catch (error) {
        return `refused: ${(error as Error).name}`;
      }
    }, `${api.url}/v1/channels`);
    await page.close();
    return outcome;
  }

  it("lets exactly the published configuration's origins call the API", async () => {
    expect(await fetchFrom(named)).toBe('refused: TypeError');

    const login = await fetch(`${api.url}/v1/operator/sessions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'admin', password: ADMIN_PASSWORD }),
    });
    const { token } = (await login.json()) as { token: string };
    const { $schema: _hint, ...config } = JSON.parse(
      readFileSync(path.join(REPO, 'carriers/demo/carrier.json'), 'utf8'),
    ) as Record<string, unknown>;
    config.endpoints = { apiBase: api.url, appOrigins: [named.origin] };
    const published = await fetch(`${api.url}/v1/operator/carriers/demo/config`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify(config),
    });
    expect(published.status).toBe(200);

    expect(await fetchFrom(named)).toBe('status 200');
    expect(await fetchFrom(stranger)).toBe('refused: TypeError');
  }, 120_000);
});
