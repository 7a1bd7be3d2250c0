import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { isStale, type FrontEnd } from './build-if-stale.ts';

describe('a front end is built when its build is missing or older than its sources', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'ketang-stale-'));
  const frontEnd: FrontEnd = {
    label: 'the web pages',
    workspace: '@ketang/web',
    built: path.join(dir, 'dist', 'family', 'index.html'),
    sources: [path.join(dir, 'src'), path.join(dir, 'vite.config.ts'), path.join(dir, 'not-there')],
  };
  const at = (file: string, seconds: number) => utimesSync(file, seconds, seconds);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('is stale without a build', () => {
    mkdirSync(path.join(dir, 'src', 'family'), { recursive: true });
    writeFileSync(path.join(dir, 'src', 'family', 'main.tsx'), '');
    writeFileSync(path.join(dir, 'vite.config.ts'), '');
    expect(isStale(frontEnd)).toBe(true);
  });

  it('is fresh when the build is newer than every source, stale when a nested source or a config changes', () => {
    mkdirSync(path.dirname(frontEnd.built), { recursive: true });
    writeFileSync(frontEnd.built, '');
    at(path.join(dir, 'src', 'family', 'main.tsx'), 1_000);
    at(path.join(dir, 'vite.config.ts'), 1_000);
    at(frontEnd.built, 2_000);
    expect(isStale(frontEnd)).toBe(false);
    at(path.join(dir, 'src', 'family', 'main.tsx'), 3_000);
    expect(isStale(frontEnd)).toBe(true);
    at(path.join(dir, 'src', 'family', 'main.tsx'), 1_000);
    at(path.join(dir, 'vite.config.ts'), 3_000);
    expect(isStale(frontEnd)).toBe(true);
  });
});
