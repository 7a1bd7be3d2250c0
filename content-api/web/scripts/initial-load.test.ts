// Issue 13's budget: the console's initial load (/console/) is at most 300 KB gzipped. Builds the web pages
// into a scratch folder and sums what the page's HTML makes the browser fetch before anything is lazy-loaded.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { build } from 'vite';
import { afterAll, describe, expect, it } from 'vitest';
import { measureInitialLoad } from './initial-load.ts';

const BUDGET_BYTES = 300 * 1024;
const outDir = mkdtempSync(path.join(tmpdir(), 'ketang-web-build-'));

describe('the console initial load', () => {
  afterAll(() => rmSync(outDir, { recursive: true, force: true }));

  it('is at most 300 KB gzip, with the week builder and the rare screens left to lazy chunks', async () => {
    await build({
      configFile: path.join(import.meta.dirname, '../vite.config.ts'),
      logLevel: 'silent',
      build: { outDir, emptyOutDir: true },
    });
    const load = measureInitialLoad(outDir, 'console');
    expect(load.totalGzipBytes).toBeLessThanOrEqual(BUDGET_BYTES);
    const names = load.files.map((file) => file.file).join(' ');
    for (const lazy of ['WeekPage', 'ReleasesPage', 'AuditPage', 'echarts', 'WeekChart'])
      expect(names).not.toContain(lazy);
    expect(names).toMatch(/web-assets\/console-[\w-]+\.js/);
  }, 180_000);
});
