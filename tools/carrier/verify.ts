// `carrier verify`: unpacks a package and refuses it unless the manifest carries a valid signature by the
// given public key and every file matches the manifest, none missing and none added. Each failure is named.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { extract } from 'tar';
import {
  describeFile,
  listPackageFiles,
  MANIFEST_FILE,
  PACKAGE_FORMAT,
  SIGNATURE_FILE,
  type PackageManifest,
} from './package-manifest.ts';
import { isSignatureValid } from './signing.ts';

export type Verdict = { ok: boolean; problems: string[]; manifest?: PackageManifest };

async function readOptional(file: string): Promise<Buffer | undefined> {
  return readFile(file).catch(() => undefined);
}

/** Checks an unpacked package folder against a trusted public key (never the one inside the package). */
export async function verifyPackageDir(dir: string, publicKeyPem: string): Promise<Verdict> {
  const manifestBytes = await readOptional(path.join(dir, MANIFEST_FILE));
  const signature = await readOptional(path.join(dir, SIGNATURE_FILE));
  if (!manifestBytes) return { ok: false, problems: [`${MANIFEST_FILE} is missing`] };
  if (!signature) return { ok: false, problems: [`${SIGNATURE_FILE} is missing`] };
  if (!isSignatureValid(manifestBytes, signature.toString('utf8'), publicKeyPem)) {
    return {
      ok: false,
      problems: [
        `signature: ${MANIFEST_FILE} is not signed by this public key (changed manifest or wrong key)`,
      ],
    };
  }
  const manifest = JSON.parse(manifestBytes.toString('utf8')) as PackageManifest;
  if (manifest.format !== PACKAGE_FORMAT)
    return { ok: false, problems: [`format: expected ${PACKAGE_FORMAT}`] };
  const problems: string[] = [];
  const present = new Set(await listPackageFiles(dir));
  for (const entry of manifest.files) {
    if (!present.has(entry.path)) {
      problems.push(`missing file: ${entry.path}`);
      continue;
    }
    const actual = await describeFile(dir, entry.path);
    if (actual.sha256 !== entry.sha256 || actual.size !== entry.size)
      problems.push(`changed file: ${entry.path}`);
  }
  const listed = new Set(manifest.files.map((entry) => entry.path));
  for (const file of present) if (!listed.has(file)) problems.push(`unlisted file: ${file}`);
  return { ok: problems.length === 0, problems, manifest };
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
