// A carrier's preinstall package as a box would get it, for the end-to-end tests: a carrier folder written to
// a temporary directory, bundled with the built TV app, unpacked and verified, its app served on its own
// 127.0.0.1 origin (the API runs on another: a cross-origin apiBase, allowed by CORS).
import { cp, mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import express from 'express';
import { PNG } from 'pngjs';
import type { Page } from 'playwright-core';
import { bundleCarrier } from '../carrier/bundle.ts';
import { loadSigningKey, type SigningKey } from '../carrier/signing.ts';
import { verifyPackage, type Verdict } from '../carrier/verify.ts';

const REPO = path.resolve(import.meta.dirname, '../..');

export type ServedApp = { url: string; origin: string; serve(dir: string): void; close(): Promise<void> };

/** A static server for an unpacked package's `app/`, started before the package exists (its origin goes in). */
export async function startAppServer(): Promise<ServedApp> {
  let root = '';
  const app = express();
  app.use((req, res, next) => (root ? express.static(root)(req, res, next) : res.status(503).end()));
  const server: Server = await new Promise((resolve) => {
    const started = app.listen(0, '127.0.0.1', () => resolve(started));
  });
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url: `${origin}/`,
    origin,
    serve: (dir) => (root = dir),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

export type Packaged = { archive: string; verdict: Verdict & { dir: string }; key: SigningKey };

/**
 * Copies `carriers/<from>` to a temporary carrier folder `id`, lets `edit` change its carrier.json, bundles it
 * with the built app and unpacks and verifies the package.
 */
export async function packageCarrier(
  from: string | { json: unknown; logo: string },
  id: string,
  appDir: string,
  edit: (doc: Record<string, unknown>) => void,
): Promise<Packaged> {
  const work = await mkdtemp(path.join(tmpdir(), 'ketang-carrier-e2e-'));
  const dir = path.join(work, id);
  if (typeof from === 'string') {
    await cp(path.join(REPO, 'carriers', from), dir, { recursive: true });
  } else {
    await mkdir(dir, { recursive: true });
    await writeFile(path.join(dir, 'carrier.json'), JSON.stringify(from.json));
    await writeFile(path.join(dir, 'logo.svg'), from.logo);
  }
  const doc = JSON.parse(await readFile(path.join(dir, 'carrier.json'), 'utf8')) as Record<string, unknown>;
  edit(doc);
  await writeFile(path.join(dir, 'carrier.json'), JSON.stringify(doc, null, 2));
  const key = await loadSigningKey(path.join(work, 'keys'), {});
  const { archive } = await bundleCarrier({ carrierDir: dir, appDir, outDir: path.join(work, 'out'), key });
  const verdict = await verifyPackage(archive, key.publicKeyPem, await mkdtemp(path.join(work, 'box-')));
  return { archive, verdict, key };
}

/** The colour of a screenshot's pixel, as `#rrggbb`. */
export async function pixelAt(page: Page, x: number, y: number): Promise<string> {
  const png = PNG.sync.read(await page.screenshot({ type: 'png' }));
  const at = (y * png.width + x) * 4;
  const hex = (n: number) => png.data[at + n]!.toString(16).padStart(2, '0');
  return `#${hex(0)}${hex(1)}${hex(2)}`;
}
