// Ed25519 signing of a package's manifest (node:crypto). The private key comes from KETANG_CARRIER_SIGNING_KEY
// (a PEM); without it a development key is made once under .data/keys/ and the CLI warns that boxes must
// not trust it.
import { createPrivateKey, createPublicKey, generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';

export type SigningKey = { privateKey: KeyObject; publicKeyPem: string; isDevKey: boolean };

const DEV_KEY_FILE = 'carrier-signing-dev.pem';

function fromPem(pem: string, isDevKey: boolean): SigningKey {
  const privateKey = createPrivateKey(pem);
  if (privateKey.asymmetricKeyType !== 'ed25519')
    throw new Error('the carrier signing key must be an Ed25519 key');
  const publicKeyPem = createPublicKey(privateKey).export({ type: 'spki', format: 'pem' }).toString();
  return { privateKey, publicKeyPem, isDevKey };
}

/** The key to sign with: the environment's, else the development key in `keysDir` (made on first use). */
export async function loadSigningKey(keysDir: string, env = process.env): Promise<SigningKey> {
  const pem = env.KETANG_CARRIER_SIGNING_KEY;
  if (pem) return fromPem(pem, false);
  const file = path.join(keysDir, DEV_KEY_FILE);
  if (!existsSync(file)) {
    const { privateKey } = generateKeyPairSync('ed25519');
    await mkdir(keysDir, { recursive: true });
    await writeFile(file, privateKey.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600 });
  }
  return fromPem(await readFile(file, 'utf8'), true);
}

export function signBytes(bytes: Buffer, key: KeyObject): string {
  return sign(null, bytes, key).toString('base64');
}

// Verification is the contract's, shared with the API.
export { isSignatureValid } from '@ketang/contract/carrier-package';
