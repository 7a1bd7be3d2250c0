// A package's manifest: every file's path, size and sha256. The signature covers the manifest's exact bytes,
// so a box that checks the signature and then every file trusts the whole package.
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import {
  MANIFEST_FILE,
  PACKAGE_FORMAT,
  SIGNATURE_FILE,
  sha256Hex,
  type ManifestEntry,
  type PackageManifest,
} from '@ketang/contract/carrier-package';

// The format is the contract's (shared with the API, which verifies what it hosts).
export { MANIFEST_FILE, PACKAGE_FORMAT, SIGNATURE_FILE, type ManifestEntry, type PackageManifest };

/** Every file under `dir` (POSIX paths, sorted), but the manifest and its signature. */
export async function listPackageFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'))
    .filter((file) => file !== MANIFEST_FILE && file !== SIGNATURE_FILE)
    .sort();
}

export async function describeFile(dir: string, file: string): Promise<ManifestEntry> {
  const bytes = await readFile(path.join(dir, file));
  return { path: file, size: bytes.length, sha256: sha256Hex(bytes) };
}

export async function buildManifest(
  dir: string,
  about: Pick<PackageManifest, 'carrier' | 'version'>,
): Promise<PackageManifest> {
  const files = await Promise.all((await listPackageFiles(dir)).map((file) => describeFile(dir, file)));
  return { format: PACKAGE_FORMAT, ...about, createdAt: new Date().toISOString(), files };
}
