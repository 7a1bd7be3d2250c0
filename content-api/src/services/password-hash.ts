import { randomBytes, timingSafeEqual } from 'node:crypto';
import { HashPool } from './hash-pool.ts';

/** scrypt, memory-hard: N = 2^15, r = 8 (32 MiB per hash), p = 1; ~0.1 s per hash on this machine. */
const PARAMS = { N: 2 ** 15, r: 8, p: 1 } as const;
const KEY_LENGTH = 32;

/** Hashing runs on its own worker threads (hash-pool.ts), never on libuv's pool that file writes need. */
let pool = new HashPool(1, 32);

/** Sizes the hashing pool (KETANG_HASH_WORKERS, KETANG_HASH_QUEUE); called once at start-up. */
export function configureHashing(options: { workers: number; queue: number }): void {
  const previous = pool;
  pool = new HashPool(options.workers, options.queue);
  void previous.close();
}

function derive(
  password: string,
  salt: Buffer,
  params: { N: number; r: number; p: number },
): Promise<Buffer> {
  const options = { ...params, maxmem: 256 * params.N * params.r };
  return pool.derive(password.normalize('NFKC'), salt, KEY_LENGTH, options);
}

/** `scrypt$N$r$p$salt$hash` (base64url): the parameters travel with the hash, so they can be raised later. */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await derive(password, salt, PARAMS);
  return ['scrypt', PARAMS.N, PARAMS.r, PARAMS.p, salt.toString('base64url'), key.toString('base64url')].join(
    '$',
  );
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, hash] = stored.split('$');
  if (scheme !== 'scrypt' || !salt || !hash) return false;
  const expected = Buffer.from(hash, 'base64url');
  const key = await derive(password, Buffer.from(salt, 'base64url'), {
    N: Number(n),
    r: Number(r),
    p: Number(p),
  });
  return key.length === expected.length && timingSafeEqual(key, expected);
}
