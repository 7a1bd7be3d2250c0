import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { demoAdminPassword } from './demo-admin.ts';

describe("the demo's console password", () => {
  const dirs: string[] = [];
  afterEach(() => dirs.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true })));

  it('is made once, long enough for the API, readable by this user only, and the same on every start', () => {
    const dir = path.join(mkdtempSync(path.join(tmpdir(), 'ketang-admin-')), 'data');
    dirs.push(path.dirname(dir));
    const first = demoAdminPassword(dir);
    expect(first.length).toBeGreaterThanOrEqual(12);
    expect(demoAdminPassword(dir)).toBe(first);
    const file = path.join(dir, 'console-admin-password');
    expect(readFileSync(file, 'utf8').trim()).toBe(first);
    expect(statSync(file).mode & 0o777).toBe(0o600);
  });
});
