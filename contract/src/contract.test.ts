// The rules of contract/README.md that code can check: every schema file is exported, and none reaches beyond
// zod, the catalogue and its sibling schema files (the API's stores and services stay out of the contract).
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const SCHEMAS = path.join(import.meta.dirname, 'schemas');
const files = readdirSync(SCHEMAS).filter((file) => file.endsWith('.schema.ts'));
const ALLOWED = /^(zod|ipaddr\.js|@ketang\/catalog|\.\/[a-z-]+(\.schema)?\.ts)$/;

describe('the contract', () => {
  it('exports every schema file from its index', () => {
    const index = readFileSync(path.join(import.meta.dirname, 'index.ts'), 'utf8');
    const exported = [...index.matchAll(/export \* from '\.\/schemas\/([a-z-]+\.schema\.ts)'/g)].map(
      (m) => m[1],
    );
    expect(exported.sort()).toEqual(files.sort());
  });

  it.each(files)('%s imports only zod, ipaddr.js, @ketang/catalog and sibling modules', (file) => {
    const source = readFileSync(path.join(SCHEMAS, file), 'utf8');
    const imports = [...source.matchAll(/from '([^']+)'/g)].map((m) => m[1]!);
    expect(imports.filter((specifier) => !ALLOWED.test(specifier))).toEqual([]);
  });
});
