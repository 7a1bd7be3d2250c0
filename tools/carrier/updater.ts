// The box's installer (docs/carrier.md, "Updates"): asks the API which version the carrier's boxes should run,
// downloads that package, checks its sha256 against the API's answer and verifies it with the key the box
// trusts (never the package's own), unpacks it beside the installed versions and adds it to installed.json.
// The loader then boots it once and falls back to the last good version when it fails (loader/boot-choice.js).
// Nothing is installed unless every check passes; installed.json is replaced in one rename.
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { cp, mkdir, mkdtemp, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { CarrierAppVersion } from '@ketang/contract';
import { verifyPackage } from './verify.ts';

export const INSTALLED_FILE = 'installed.json';

export type UpdateOptions = {
  /** The API's origin (and path prefix, if any), e.g. `https://api.carrier.example`. */
  apiBase: string;
  carrier: string;
  /** The box's app root: index.html (the loader), installed.json, one folder per version. */
  root: string;
  /** The key the box trusts for its carrier's packages (shipped in the first, preinstalled, package). */
  publicKeyPem: string;
};

export type UpdateResult =
  | { kind: 'current'; version: string }
  | { kind: 'installed'; version: string }
  | { kind: 'refused'; version: string; problems: string[] };

export async function readInstalled(root: string): Promise<string[]> {
  const file = path.join(root, INSTALLED_FILE);
  if (!existsSync(file)) return [];
  return (JSON.parse(await readFile(file, 'utf8')) as { versions: string[] }).versions;
}

async function writeInstalled(root: string, versions: string[]): Promise<void> {
  const next = path.join(root, `${INSTALLED_FILE}.next`);
  await writeFile(next, `${JSON.stringify({ versions })}\n`);
  await rename(next, path.join(root, INSTALLED_FILE));
}

async function fetchOk(url: string): Promise<Response> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`GET ${url}: ${response.status}`);
  return response;
}

/** One update check: installs the version the API names when the box does not have it yet. */
export async function checkForUpdate(options: UpdateOptions): Promise<UpdateResult> {
  const base = options.apiBase.replace(/\/+$/, '');
  const wanted = (await (
    await fetchOk(`${base}/v1/carriers/${options.carrier}/app-version`)
  ).json()) as CarrierAppVersion;
  const installed = await readInstalled(options.root);
  if (!wanted.package || installed.includes(wanted.version))
    return { kind: 'current', version: wanted.version };

  const bytes = Buffer.from(await (await fetchOk(`${base}${wanted.package.url}`)).arrayBuffer());
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const refuse = (problems: string[]): UpdateResult => ({
    kind: 'refused',
    version: wanted.version,
    problems,
  });
  if (sha256 !== wanted.package.sha256)
    return refuse([`download: sha256 ${sha256} is not the API's ${wanted.package.sha256}`]);

  const staging = await mkdtemp(path.join(options.root, '.incoming-'));
  try {
    const archive = path.join(staging, 'package.tgz');
    await writeFile(archive, bytes);
    const unpacked = path.join(staging, 'package');
    await mkdir(unpacked);
    const verdict = await verifyPackage(archive, options.publicKeyPem, unpacked);
    if (!verdict.ok) return refuse(verdict.problems);
    if (verdict.manifest?.version !== wanted.version || verdict.manifest.carrier !== options.carrier)
      return refuse([
        `manifest: ${verdict.manifest?.carrier} ${verdict.manifest?.version} is not what the API named`,
      ]);
    const target = path.join(options.root, wanted.version);
    await rm(target, { recursive: true, force: true });
    await rename(unpacked, target);
    // The newest package's loader replaces the box's (it reads the same installed.json and boot state).
    await cp(path.join(target, 'loader/index.html'), path.join(options.root, 'index.html'));
    await writeInstalled(options.root, [...installed, wanted.version]);
    return { kind: 'installed', version: wanted.version };
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
}
