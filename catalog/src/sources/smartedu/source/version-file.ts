import type { ImportIssue } from '../../../import/import-issues.ts';
import { toRelativePath } from '../layout.ts';
import { VersionFileSchema } from '../v2/source-schemas.ts';
import type { SmarteduSource } from './mirror-source.ts';
import { readSourceFile } from './read-source-file.ts';

export interface SmarteduVersion {
  module: string;
  moduleVersion: string;
  /** Declared by a mirror; undefined for the platform's own files. */
  formatVersion?: number;
  /** Relative paths of the module's list parts, in order. */
  partFiles: string[];
}

/** `urls` is an array in one module's version file and one comma-separated string in another's. */
export function partFilesOf(urls: string | readonly string[]): string[] {
  const list = typeof urls === 'string' ? urls.split(',') : urls;
  return list
    .map((url) => url.trim())
    .filter(Boolean)
    .map(toRelativePath);
}

export async function readVersionFile(
  source: SmarteduSource,
  file: string,
  issues: ImportIssue[],
): Promise<SmarteduVersion | 'missing' | 'invalid'> {
  const read = await readSourceFile(source, file, VersionFileSchema, issues);
  if (read.status !== 'ok') return read.status;
  const version: SmarteduVersion = {
    module: read.value.module,
    moduleVersion: String(read.value.module_version),
    partFiles: partFilesOf(read.value.urls),
  };
  if (read.value.format_version !== undefined) version.formatVersion = read.value.format_version;
  return version;
}
