import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { openStore } from '../db/open-store.ts';
import { createStores, ensureIndexes } from '../stores/stores.ts';
import { runCatalogCli } from './catalog.cli.ts';

describe('npm run catalog -- rollup-dashboards', () => {
  const dirs: string[] = [];
  const previous = process.env.KETANG_DATA_DIR;
  afterEach(() => {
    vi.restoreAllMocks();
    if (previous === undefined) delete process.env.KETANG_DATA_DIR;
    else process.env.KETANG_DATA_DIR = previous;
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });

  it('rolls the given days up in the server’s store, and refuses a malformed day', async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'ketang-rollup-cli-'));
    dirs.push(dataDir);
    process.env.KETANG_DATA_DIR = dataDir;
    const day = new Date().toISOString().slice(0, 10);
    const seeding = await openStore({ dataDir });
    await ensureIndexes(seeding);
    await createStores(seeding).events.add({
      deviceId: 'box-1',
      householdId: 'hh-1',
      region: 'jx',
      day,
      kind: 'playback',
      stats: { timeToFirstFrameMs: 700 },
      receivedAt: new Date().toISOString(),
    });
    await seeding.close();
    const printed = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
    vi.spyOn(console, 'error').mockImplementation(() => undefined);

    expect(await runCatalogCli(['rollup-dashboards', day])).toBe(0);
    expect(String(printed.mock.calls.at(-1)?.[0])).toBe(`${day}: 1 QoE cells, 0 learning cells\n`);
    expect(await runCatalogCli(['rollup-dashboards', '2026-13-45x'])).toBe(2);

    const reading = await openStore({ dataDir });
    const cells = await createStores(reading).dashboards.qoeBetween(day, day);
    await reading.close();
    expect(cells).toEqual([expect.objectContaining({ region: 'jx', sessions: 1, ttffCount: 1 })]);
  });
});
