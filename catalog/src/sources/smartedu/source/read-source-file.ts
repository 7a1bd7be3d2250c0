import { createHash } from 'node:crypto';
import { z } from 'zod';
import { issue, jsonPath } from '../../../import/import-issues.ts';
import type { ImportIssue } from '../../../import/import-issues.ts';
import { decodeJson } from './decode-json.ts';
import type { SmarteduSource } from './mirror-source.ts';

export interface ReadOptions {
  /** Hash the bytes (for sync fingerprints); lesson details need no hash. Default true. */
  isHashed?: boolean;
  /** The upstream id of the record the file holds, for its issues. */
  recordId?: string;
}

export type SourceFile<T> =
  { status: 'ok'; value: T; hash?: string } | { status: 'missing' } | { status: 'invalid'; hash?: string };

export type RawFile =
  { status: 'ok'; bytes: Uint8Array; hash?: string } | { status: 'missing' } | { status: 'invalid' };

/** Reads one file's bytes (and their hash); a read error becomes an issue. */
export async function readRawFile(
  source: SmarteduSource,
  file: string,
  issues: ImportIssue[],
  options: ReadOptions = {},
): Promise<RawFile> {
  const { isHashed = true, recordId } = options;
  let bytes: Uint8Array | undefined;
  try {
    bytes = await source.readBytes(file);
  } catch (error) {
    issues.push(issue(file, '$', (error as Error).message, 'error', recordId));
    return { status: 'invalid' };
  }
  if (!bytes) return { status: 'missing' };
  return isHashed
    ? { status: 'ok', bytes, hash: createHash('sha1').update(bytes).digest('hex') }
    : { status: 'ok', bytes };
}

/** Decodes and validates a file read by readRawFile. Problems become issues (file, JSON path, reason). */
export function parseRawFile<S extends z.ZodType>(
  file: string,
  raw: RawFile,
  schema: S,
  issues: ImportIssue[],
  recordId?: string,
): SourceFile<z.infer<S>> {
  if (raw.status !== 'ok') return raw;
  const { hash } = raw;
  const decoded = decodeJson(raw.bytes);
  if (!decoded.ok) {
    issues.push(issue(file, '$', decoded.reason, 'error', recordId));
    return { status: 'invalid', hash };
  }
  for (const note of decoded.notes) issues.push(issue(file, '$', note, 'warning', recordId));
  const parsed = schema.safeParse(decoded.value);
  if (!parsed.success) {
    const at = jsonPath('$', parsed.error.issues[0]?.path ?? []);
    issues.push(issue(file, at, describeZodError(parsed.error), 'error', recordId));
    return { status: 'invalid', hash };
  }
  return { status: 'ok', value: parsed.data, hash };
}

/**
 * Reads, decodes and validates one file. Problems become issues (file, JSON path, reason); nothing throws
 * except a format error of the caller's own making.
 */
export async function readSourceFile<S extends z.ZodType>(
  source: SmarteduSource,
  file: string,
  schema: S,
  issues: ImportIssue[],
  options: ReadOptions = {},
): Promise<SourceFile<z.infer<S>>> {
  return parseRawFile(
    file,
    await readRawFile(source, file, issues, options),
    schema,
    issues,
    options.recordId,
  );
}

/**
 * Reads a file that holds an array of records, validating each record on its own: a bad record becomes an
 * issue and is left out, the others are kept.
 */
export async function readRecordList<S extends z.ZodType>(
  source: SmarteduSource,
  file: string,
  recordSchema: S,
  issues: ImportIssue[],
): Promise<SourceFile<{ record: z.infer<S>; path: string }[]>> {
  return parseRecordList(file, await readRawFile(source, file, issues), recordSchema, issues);
}

/** parseRawFile for a file of records, each checked on its own (see readRecordList). */
export function parseRecordList<S extends z.ZodType>(
  file: string,
  rawFile: RawFile,
  recordSchema: S,
  issues: ImportIssue[],
): SourceFile<{ record: z.infer<S>; path: string }[]> {
  const raw = parseRawFile(file, rawFile, ARRAY_OF_ANYTHING, issues);
  if (raw.status !== 'ok') return raw;
  const records: { record: z.infer<S>; path: string }[] = [];
  raw.value.forEach((value, index) => {
    const parsed = recordSchema.safeParse(value);
    const path = `$[${index}]`;
    if (parsed.success) records.push({ record: parsed.data, path });
    else {
      const id = (value as { id?: unknown } | null)?.id;
      const at = jsonPath(path, parsed.error.issues[0]?.path ?? []);
      issues.push(
        issue(file, at, describeZodError(parsed.error), 'error', typeof id === 'string' ? id : undefined),
      );
    }
  });
  return { status: 'ok', value: records, hash: raw.hash };
}

const ARRAY_OF_ANYTHING = z.array(z.unknown());

export function describeZodError(error: {
  issues: readonly { path: readonly PropertyKey[]; message: string }[];
}): string {
  const first = error.issues[0];
  if (!first) return 'invalid';
  const where = first.path.length > 0 ? `${first.path.map(String).join('.')}: ` : '';
  const more = error.issues.length > 1 ? ` (+${error.issues.length - 1} more)` : '';
  return `${where}${first.message}${more}`;
}
