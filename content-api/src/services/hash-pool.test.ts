import { randomBytes, scryptSync } from 'node:crypto';
import type { Worker } from 'node:worker_threads';
import { afterEach, describe, expect, it } from 'vitest';
import { HashBusyError, HashPool } from './hash-pool.ts';

const PARAMS = { N: 2 ** 12, r: 8, p: 1, maxmem: 64 * 1024 * 1024 };

describe('HashPool', () => {
  let pool: HashPool | undefined;
  afterEach(async () => pool?.close());

  it('derives the same key as scryptSync, on its worker', async () => {
    pool = new HashPool(1, 4);
    const salt = randomBytes(16);
    const key = await pool.derive('pässword', salt, 32, PARAMS);
    expect(key.equals(scryptSync('pässword', salt, 32, PARAMS))).toBe(true);
  });

  it('queues up to its bound and refuses the rest at once with 503 busy and Retry-After', async () => {
    pool = new HashPool(1, 2);
    const salt = randomBytes(16);
    const results = await Promise.allSettled(
      Array.from({ length: 6 }, (_, i) => pool!.derive(`p${i}`, salt, 32, PARAMS)),
    );
    expect(results.filter((result) => result.status === 'fulfilled')).toHaveLength(3); // 1 running + 2 queued
    const refused = results.filter((result) => result.status === 'rejected');
    expect(refused).toHaveLength(3);
    const error = (refused[0] as PromiseRejectedResult).reason as HashBusyError;
    expect(error).toBeInstanceOf(HashBusyError);
    expect(error.status).toBe(503);
    expect(error.headers['Retry-After']).toBe('2');
  });

  it('fails a hash with bad parameters and keeps serving the next one', async () => {
    pool = new HashPool(1, 4);
    const salt = randomBytes(16);
    await expect(pool.derive('x', salt, 32, { ...PARAMS, N: 3 })).rejects.toThrow();
    expect((await pool.derive('x', salt, 32, PARAMS)).length).toBe(32);
  });

  it('survives a worker that dies mid-hash: that hash fails, the queued ones run on a fresh worker', async () => {
    pool = new HashPool(1, 4);
    const salt = randomBytes(16);
    const slow = { ...PARAMS, N: 2 ** 16 };
    const running = pool.derive('a', salt, 32, slow);
    const queued = [pool.derive('b', salt, 32, PARAMS), pool.derive('c', salt, 32, PARAMS)];
    const workers = (pool as unknown as { slots: { worker: Worker }[] }).slots.map((slot) => slot.worker);
    expect(workers).toHaveLength(1);
    await workers[0]!.terminate(); // what an out-of-memory kill or a crash of the thread looks like to the pool
    await expect(running).rejects.toThrow(/hash worker exited/);
    const keys = await Promise.all(queued);
    expect(keys[1]!.equals(scryptSync('c', salt, 32, PARAMS))).toBe(true);
    expect(pool.waiting).toBe(0);
    const fresh = (pool as unknown as { slots: { worker: Worker }[] }).slots.map((slot) => slot.worker);
    expect(fresh).toHaveLength(1);
    expect(fresh[0]).not.toBe(workers[0]);
  });

  it('fails the hashes still waiting when it closes, instead of leaving them pending', async () => {
    pool = new HashPool(1, 4);
    const salt = randomBytes(16);
    const waiting = [pool.derive('a', salt, 32, PARAMS), pool.derive('b', salt, 32, PARAMS)];
    const settled = Promise.allSettled(waiting);
    await pool.close();
    const results = await settled;
    expect(results.every((result) => result.status === 'rejected')).toBe(true);
    expect(pool.waiting).toBe(0);
  });
});
