import { mkdtempSync, rmSync } from 'node:fs';
import { get } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pino from 'pino';
import type { Catalogue } from '@ketang/catalog';
import type { Config } from '../../src/config/env.ts';
import { startServer, type RunningServer } from '../../src/server.ts';
import { writeCatalogue } from '../../src/services/catalogue-writer.ts';

export const OPERATOR_TOKEN = 'test-operator-token-0123456789';
export const ADMIN_PASSWORD = 'test-admin-password-0123';

/** Starts the real API on a free loopback port over the given store, seeded with a catalogue. */
export async function startApi(
  storage: { mongodbUri?: string; dataDir: string },
  catalogue?: Catalogue,
  options: {
    clock?: () => Date;
    /** Prepares the media dir (e.g. a packaged poster) before the API starts. */
    prepareMedia?: (mediaDir: string) => void;
    /** Settings beyond the test defaults (limits, CORS, the web pages' or TV app's build). */
    config?: Partial<Config>;
  } = {},
): Promise<RunningServer> {
  const mediaDir = mkdtempSync(path.join(tmpdir(), 'ketang-media-'));
  options.prepareMedia?.(mediaDir);
  const running = await startServer({
    config: {
      port: 0,
      host: '127.0.0.1',
      mongodbUri: storage.mongodbUri,
      dataDir: storage.dataDir,
      mediaDir,
      tvAppDir: path.join(tmpdir(), 'ketang-no-tv-app'),
      demoVideoDir: path.join(tmpdir(), 'ketang-no-demo-video'),
      demoMirrorDir: path.join(tmpdir(), 'ketang-no-demo-mirror'),
      operatorToken: OPERATOR_TOKEN,
      adminPassword: ADMIN_PASSWORD,
      sessionTtlSeconds: 3600,
      logLevel: 'silent',
      responseCacheEntries: 1_000,
      ...options.config,
    },
    logger: pino({ level: 'silent' }),
    clock: options.clock,
    seed: catalogue
      ? async (stores, services) => {
          await writeCatalogue(stores, catalogue);
          await services.views.fresh();
        }
      : undefined,
  });
  const close = running.close.bind(running);
  running.close = async () => {
    await close();
    rmSync(mediaDir, { recursive: true, force: true });
  };
  return running;
}

export async function getJson(base: string, pathname: string, init?: RequestInit) {
  const response = await fetch(new URL(pathname, base), init);
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: text ? JSON.parse(text) : undefined };
}

export function sendJson(
  base: string,
  pathname: string,
  method: 'PUT' | 'POST' | 'PATCH' | 'DELETE',
  body: unknown,
  headers: Record<string, string> = {},
) {
  return getJson(base, pathname, {
    method,
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

/** A GET with exactly these headers (fetch() adds its own), answering the raw status, headers and body text. */
export function rawGet(
  url: string,
  headers: Record<string, string>,
): Promise<{ status: number; headers: Record<string, unknown>; body: string }> {
  return new Promise((resolve, reject) => {
    get(url, { headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () =>
        resolve({
          status: response.statusCode ?? 0,
          headers: response.headers,
          body: Buffer.concat(chunks).toString('utf8'),
        }),
      );
    }).on('error', reject);
  });
}
