// A carrier package's format and its verification, shared by the CLI (`carrier verify`), the API (which stores
// only packages it verifies) and the box's installer. Node only (node:crypto): never imported by the TV app.
// The signature covers the manifest's exact bytes, so a package whose signature and every file check out is
// trusted whole.
import { createHash, createPublicKey, verify } from 'node:crypto';

export const PACKAGE_FORMAT = 'ketang-carrier-package/1';
export const MANIFEST_FILE = 'manifest.json';
export const SIGNATURE_FILE = 'manifest.sig';

export type ManifestEntry = { path: string; size: number; sha256: string };
export type PackageManifest = {
  format: typeof PACKAGE_FORMAT;
  carrier: string;
  version: string;
  createdAt: string;
  files: ManifestEntry[];
};
export type PackageVerdict = { ok: boolean; problems: string[]; manifest?: PackageManifest };

export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

export function isSignatureValid(bytes: Uint8Array, signatureBase64: string, publicKeyPem: string): boolean {
  try {
    return verify(null, bytes, createPublicKey(publicKeyPem), Buffer.from(signatureBase64.trim(), 'base64'));
  } catch {
    return false;
  }
}

/**
 * Checks a package's files (POSIX path → bytes, the manifest and its signature included) against a trusted
 * public key, never the one inside the package: the signature first, then every file's size and sha256, none
 * missing and none added. Each problem is named.
 */
export function verifyPackageFiles(
  files: ReadonlyMap<string, Uint8Array>,
  publicKeyPem: string,
): PackageVerdict {
  const manifestBytes = files.get(MANIFEST_FILE);
  const signature = files.get(SIGNATURE_FILE);
  if (!manifestBytes) return { ok: false, problems: [`${MANIFEST_FILE} is missing`] };
  if (!signature) return { ok: false, problems: [`${SIGNATURE_FILE} is missing`] };
  if (!isSignatureValid(manifestBytes, Buffer.from(signature).toString('utf8'), publicKeyPem)) {
    return {
      ok: false,
      problems: [
        `signature: ${MANIFEST_FILE} is not signed by this public key (changed manifest or wrong key)`,
      ],
    };
  }
  const manifest = JSON.parse(Buffer.from(manifestBytes).toString('utf8')) as PackageManifest;
  if (manifest.format !== PACKAGE_FORMAT)
    return { ok: false, problems: [`format: expected ${PACKAGE_FORMAT}`] };
  const problems: string[] = [];
  for (const entry of manifest.files) {
    const bytes = files.get(entry.path);
    if (!bytes) problems.push(`missing file: ${entry.path}`);
    else if (bytes.length !== entry.size || sha256Hex(bytes) !== entry.sha256)
      problems.push(`changed file: ${entry.path}`);
  }
  const listed = new Set(manifest.files.map((entry) => entry.path));
  for (const file of [...files.keys()].sort())
    if (file !== MANIFEST_FILE && file !== SIGNATURE_FILE && !listed.has(file))
      problems.push(`unlisted file: ${file}`);
  return { ok: problems.length === 0, problems, manifest };
}
