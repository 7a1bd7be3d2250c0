// `carrier bundle`: the TV app, the carrier's resolved configuration as the app's carrier.json, its logos,
// Lightning-style metadata.json, the public key, a manifest of sha256 checksums and its Ed25519 signature,
// packed into one .tgz.
import { cp, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { resolveCarrierRegion, type CarrierConfig } from '@ketang/contract';
import { create } from 'tar';
import { readCarrierFolder } from './carrier-folder.ts';
import { renderLoaderPage } from './loader/loader-page.ts';
import { buildManifest, listPackageFiles, MANIFEST_FILE, SIGNATURE_FILE } from './package-manifest.ts';
import { signBytes, type SigningKey } from './signing.ts';

export const PUBLIC_KEY_FILE = 'public-key.pem';
export const APP_DIR = 'app';

export type BundleOptions = { carrierDir: string; appDir: string; outDir: string; key: SigningKey };
export type BundleResult = { archive: string; config: CarrierConfig; files: number };

/** Lightning app conventions (metadata.json beside the app): identifier, name, version, icon. */
export function lightningMetadata(config: CarrierConfig) {
  return {
    identifier: `cn.ketang.${config.carrier.id.replaceAll('-', '.')}`,
    name: config.branding.appName.zh,
    names: config.branding.appName,
    version: config.version,
    icon: `./${APP_DIR}/${config.branding.logo}`,
    carrier: config.carrier,
  };
}

/** The archive's name: one per carrier and version. */
export function archiveName(config: CarrierConfig): string {
  return `ketang-${config.carrier.id}-${config.version}.tgz`;
}

async function stage(dir: string, options: BundleOptions, config: CarrierConfig, logos: string[]) {
  const app = path.join(dir, APP_DIR);
  await cp(options.appDir, app, { recursive: true });
  await writeFile(
    path.join(app, 'carrier.json'),
    `${JSON.stringify(resolveCarrierRegion(config), null, 2)}\n`,
  );
  for (const logo of logos) await cp(path.join(options.carrierDir, logo), path.join(app, logo));
  await mkdir(path.join(dir, 'loader'));
  await writeFile(path.join(dir, 'loader/index.html'), await renderLoaderPage());
  await writeFile(path.join(dir, 'metadata.json'), `${JSON.stringify(lightningMetadata(config), null, 2)}\n`);
  await writeFile(path.join(dir, PUBLIC_KEY_FILE), options.key.publicKeyPem);
  const manifest = Buffer.from(
    `${JSON.stringify(await buildManifest(dir, { carrier: config.carrier.id, version: config.version }), null, 2)}\n`,
  );
  await writeFile(path.join(dir, MANIFEST_FILE), manifest);
  await writeFile(path.join(dir, SIGNATURE_FILE), `${signBytes(manifest, options.key.privateKey)}\n`);
}

export async function bundleCarrier(options: BundleOptions): Promise<BundleResult> {
  const { config, logos } = await readCarrierFolder(options.carrierDir);
  const dir = await mkdtemp(path.join(tmpdir(), 'ketang-carrier-'));
  try {
    await stage(dir, options, config, logos);
    await mkdir(options.outDir, { recursive: true });
    const archive = path.join(path.resolve(options.outDir), archiveName(config));
    const files = await listPackageFiles(dir);
    await create({ gzip: true, file: archive, cwd: dir, portable: true }, [
      ...files,
      MANIFEST_FILE,
      SIGNATURE_FILE,
    ]);
    return { archive, config, files: files.length + 2 };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
