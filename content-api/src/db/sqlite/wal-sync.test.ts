import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import type { FileHandle } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { WalSync } from './wal-sync.ts';

/** An fsync that finishes only when the test says so. */
function gatedFsync() {
  const rounds: (() => void)[] = [];
  const fsync = (_handle: FileHandle) => new Promise<void>((resolve) => rounds.push(resolve));
  return { fsync, rounds };
}

const settled = () => new Promise<void>((resolve) => setTimeout(resolve, 20));

describe('WalSync', () => {
  const dirs: string[] = [];
  afterEach(() => {
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });
  const walFile = () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'ketang-wal-'));
    dirs.push(dir);
    const file = path.join(dir, 'store.sqlite-wal');
    writeFileSync(file, 'frames');
    return file;
  };

  it('resolves only after an fsync that began after the call, sharing one fsync among the callers waiting', async () => {
    const { fsync, rounds } = gatedFsync();
    const wal = new WalSync(walFile(), fsync);
    const done: string[] = [];
    const first = wal.sync().then(() => done.push('first'));
    await settled();
    expect(rounds).toHaveLength(1);
    // These commits came after the running fsync began: it does not cover them.
    const second = wal.sync().then(() => done.push('second'));
    const third = wal.sync().then(() => done.push('third'));
    await settled();
    expect(rounds).toHaveLength(1);
    rounds[0]!();
    await first;
    await settled();
    expect(done).toEqual(['first']);
    expect(rounds).toHaveLength(2);
    rounds[1]!();
    await Promise.all([second, third]);
    expect(done).toEqual(['first', 'second', 'third']);
    await wal.close();
  });

  it('rejects the callers of a failed fsync, and the next caller gets a new one', async () => {
    let fail = true;
    const wal = new WalSync(walFile(), async () => {
      if (fail) throw new Error('EIO');
    });
    await expect(wal.sync()).rejects.toThrow('EIO');
    fail = false;
    await expect(wal.sync()).resolves.toBeUndefined();
    await wal.close();
  });

  it('fails with the missing file named when the log cannot be opened', async () => {
    const wal = new WalSync(path.join(tmpdir(), 'ketang-no-such-dir', 'x.sqlite-wal'));
    await expect(wal.sync()).rejects.toThrow(/x\.sqlite-wal/);
  });
});
