import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The root package's name: where `.data/`, `tv-app/dist` and `content-api/web/dist` are found by default. */
const ROOT_PACKAGE = 'ketang';

function isRepoRoot(dir: string): boolean {
  const manifest = path.join(dir, 'package.json');
  if (!existsSync(manifest)) return false;
  try {
    return (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string }).name === ROOT_PACKAGE;
  } catch {
    return false;
  }
}

/**
 * The repository root, found by walking up from `startDir` to the package.json named `ketang`: the same
 * answer from the sources (content-api/src/config) and from the compiled server (content-api/dist), whose
 * modules all live in one file at another depth. Outside a checkout, the working directory.
 */
export function findRepoRoot(startDir = path.dirname(fileURLToPath(import.meta.url))): string {
  for (let dir = startDir; ; dir = path.dirname(dir)) {
    if (isRepoRoot(dir)) return dir;
    if (path.dirname(dir) === dir) return process.cwd();
  }
}
