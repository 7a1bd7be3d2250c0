import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, utimesSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { withLock } from './dist-lock.ts';

const REPO = path.resolve(import.meta.dirname, '../..');
const STALE_MS = 2_000; // proper-lockfile's smallest

/** A process that takes the lock as a build would, and answers once it holds it; the caller kills it. */
function holderProcess(target: string) {
  const script = `
    import lockfile from 'proper-lockfile';
    await lockfile.lock(${JSON.stringify(target)}, { realpath: false, stale: ${STALE_MS}, update: 1000 });
    console.log('locked');
    setInterval(() => {}, 1000);
  `;
  const child = spawn(process.execPath, ['--input-type=module', '-e', script], { cwd: REPO });
  const locked = new Promise<void>((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => chunk.toString().includes('locked') && resolve());
    child.on('exit', (code) => reject(new Error(`the holder exited (${code}) before locking`)));
  });
  return { child, locked };
}

describe('the dist lock between builds', () => {
  let dir: string;
  let target: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'ketang-dist-lock-'));
    target = path.join(dir, 'dist');
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('takes over a lock left by a killed build once it is stale, and removes it after', async () => {
    const holder = holderProcess(target);
    await holder.locked;
    holder.child.kill('SIGKILL');
    const started = Date.now();
    const result = await withLock(target, async () => 'built', { staleMs: STALE_MS, waitMs: 20_000 });
    expect(result).toBe('built');
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(existsSync(`${target}.lock`)).toBe(false);
  }, 30_000);

  it('takes over an old lock directory with nobody refreshing it (the previous mkdir lock) at once', async () => {
    mkdirSync(`${target}.lock`);
    const minuteAgo = new Date(Date.now() - 60_000);
    utimesSync(`${target}.lock`, minuteAgo, minuteAgo);
    const started = Date.now();
    expect(await withLock(target, async () => 1, { staleMs: STALE_MS })).toBe(1);
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it('waits for a live holder working longer than the stale age, never running beside it', async () => {
    const spans: { name: string; from: number; to: number }[] = [];
    const job = (name: string, ms: number) => async () => {
      const from = Date.now();
      await new Promise((resolve) => setTimeout(resolve, ms));
      spans.push({ name, from, to: Date.now() });
    };
    const options = { staleMs: STALE_MS, waitMs: 20_000 };
    const first = withLock(target, job('first', 2 * STALE_MS), options);
    await new Promise((resolve) => setTimeout(resolve, 100));
    await Promise.all([first, withLock(target, job('second', 100), options)]);
    expect(spans.map((span) => span.name)).toEqual(['first', 'second']);
    expect(spans[1]!.from).toBeGreaterThanOrEqual(spans[0]!.to);
  }, 30_000);

  it('gives up on a live holder after the wait, saying so', async () => {
    const holder = holderProcess(target);
    await holder.locked;
    try {
      await expect(withLock(target, async () => 1, { staleMs: STALE_MS, waitMs: 1_000 })).rejects.toThrow(
        /still held after 1 s by a live build/,
      );
    } finally {
      holder.child.kill('SIGKILL');
    }
  }, 30_000);
});
