import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { findRepoRoot } from './repo-root.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

describe('findRepoRoot', () => {
  it('finds the checkout from the sources and from the compiled server, at different depths', () => {
    expect(findRepoRoot()).toBe(root);
    expect(findRepoRoot(path.join(root, 'content-api', 'dist'))).toBe(root);
    // catalog's package.json is named @ketang/catalog: walked past.
    expect(findRepoRoot(path.join(root, 'catalog', 'src', 'import'))).toBe(root);
  });

  it('falls back to the working directory outside a checkout', () => {
    expect(findRepoRoot(tmpdir())).toBe(process.cwd());
  });
});
