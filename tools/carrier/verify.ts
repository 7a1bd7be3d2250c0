// `carrier verify`: unpacks a package and refuses it unless the manifest carries a valid signature by the
// given public key and every file matches the manifest, none missing and none added. Each failure is named.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { verifyPackageFiles, type PackageVerdict } from '@ketang/contract/carrier-package';
import { extract } from 'tar';
import { listPackageFiles, MANIFEST_FILE, SIGNATURE_FILE } from './package-manifest.ts';

export type Verdict = PackageVerdict;

/** Checks an unpacked package folder against a trusted public key (never the one inside the package). */
export async function verifyPackageDir(dir: string, publicKeyPem: string): Promise<Verdict> {
  const files = new Map<string, Uint8Array>();
  for (const file of [...(await listPackageFiles(dir)), MANIFEST_FILE, SIGNATURE_FILE]) {
    const bytes = await readFile(path.join(dir, file)).catch(() => undefined);
    if (bytes) files.set(file, bytes);
  }
  return verifyPackageFiles(files, publicKeyPem);
}

/** Unpacks `archive` into `into` (a new temporary folder when not given) and verifies it there. */
export async function verifyPackage(
  archive: string,
  publicKeyPem: string,
  into?: string,
): Promise<Verdict & { dir: string }> {
  const dir = into ?? (await mkdtemp(path.join(tmpdir(), 'ketang-verify-')));
  try {
    await extract({ file: archive, cwd: dir, strict: true });
  } catch (error) {
    if (!into) await rm(dir, { recursive: true, force: true });
    return { ok: false, problems: [`archive: ${(error as Error).message}`], dir };
  }
  return { ...(await verifyPackageDir(dir, publicKeyPem)), dir };
}
