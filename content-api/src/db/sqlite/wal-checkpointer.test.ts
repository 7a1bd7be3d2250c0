import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { openSqliteFile } from './sqlite-store.ts';

const dirs: string[] = [];
afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

async function until(condition: () => boolean, ms: number): Promise<boolean> {
  const deadline = Date.now() + ms;
  while (!condition() && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 25));
  return condition();
}

describe('WAL checkpoints on a worker thread', () => {
  it('copies committed pages into the database file without a commit doing it, and stops on close', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'ketang-checkpoint-'));
    dirs.push(dir);
    const file = path.join(dir, 'store.sqlite');
    const store = openSqliteFile(file);
    const docs = store.collection<{ _id: string; text: string }>('docs');
    const before = statSync(file).size;
    await docs.upsertMany(
      Array.from({ length: 2_000 }, (_, index) => ({ _id: `d${index}`, text: 'x'.repeat(200) })),
    );
    // The connection's own automatic checkpoints are off: only the worker grows the database file.
    expect(await until(() => statSync(file).size > before + 200_000, 5_000)).toBe(true);
    expect(await docs.count({})).toBe(2_000);
    await store.close();
    const reopened = openSqliteFile(file);
    expect(await reopened.collection('docs').count({})).toBe(2_000);
    await reopened.close();
  });

  it('lets a process whose last work is closing the store finish (the worker is waited for)', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'ketang-checkpoint-'));
    dirs.push(dir);
    const store = fileURLToPath(new URL('./sqlite-store.ts', import.meta.url));
    const script = `
      import { openSqliteFile } from ${JSON.stringify(store)};
      const store = openSqliteFile(${JSON.stringify(path.join(dir, 'exit.sqlite'))});
      await store.collection('docs').upsertMany([{ _id: 'a' }]);
      await store.close();
      console.log('closed');`;
    const run = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout.trim()).toBe('closed');
  });
});
