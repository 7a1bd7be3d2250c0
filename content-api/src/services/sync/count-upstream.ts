import {
  decodeJson,
  openSmarteduSource,
  readVersionFile,
  smarteduLayout,
  type ImportIssue,
} from '@ketang/catalog';

/**
 * How many textbooks the mirror lists, read from its version file and list parts only: the progress total.
 * Undefined when the mirror cannot say (the sync itself reports why).
 */
export async function countUpstreamTextbooks(
  from: string,
  headers?: Record<string, string>,
): Promise<number | undefined> {
  const source = openSmarteduSource(from, { headers });
  const issues: ImportIssue[] = [];
  const version = await readVersionFile(source, smarteduLayout.lessonVersionFile, issues).catch(
    () => 'invalid' as const,
  );
  if (typeof version === 'string') return undefined;
  let count = 0;
  for (const part of version.partFiles) {
    const bytes = await source.readBytes(part).catch(() => undefined);
    const decoded = bytes ? decodeJson(bytes) : undefined;
    if (decoded?.ok && Array.isArray(decoded.value)) count += decoded.value.length;
  }
  return count;
}
