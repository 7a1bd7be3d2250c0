import { LessonSchema } from '../model/lesson.ts';
import type { Lesson, Placement } from '../model/lesson.ts';
import type { Provider } from '../model/provider.ts';
import { LESSON_RESOURCE_TYPES, toRelativePath } from '../sources/smartedu/layout.ts';
import {
  describeZodError,
  parseRecordList,
  readRawFile,
  readSourceFile,
} from '../sources/smartedu/source/read-source-file.ts';
import type { RawFile } from '../sources/smartedu/source/read-source-file.ts';
import type { LessonListEntry, LessonRecord } from '../sources/smartedu/v2/source-schemas.ts';
import { laterDateTime, normalizeDateTime } from '../sources/smartedu/v2/values.ts';
import { mapWithConcurrency } from './concurrency.ts';
import { issue, jsonPath } from './import-issues.ts';
import type { ImportIssue } from './import-issues.ts';
import type { ImportContext, ListedAt } from './smartedu-context.ts';

export interface ListedLesson {
  record: LessonListEntry;
  file: string;
  path: string;
}

export interface LessonList {
  lessons: ListedLesson[];
  /** Hashes of parts.json and each part, for the sync fingerprint. */
  hashes: string[];
  updatedAt?: string;
}

/** The raw files of a lesson list: read and hashed, not yet parsed (an unchanged list is never parsed). */
export interface RawLessonList {
  parts: { file: string; raw: RawFile }[];
  hashes: string[];
}

/** Reads a parts.json and the list parts it names; without a parts.json, tries the usual `part_100.json`. */
export async function readLessonListFiles(
  context: ImportContext,
  partsFile: string,
  fallbackPart: string,
  issues: ImportIssue[],
): Promise<RawLessonList> {
  const { mapper, source } = context;
  const partsList = await readSourceFile(source, partsFile, mapper.schemas.partsList, issues);
  const hashes: string[] = partsList.status === 'missing' ? [] : [partsList.hash ?? 'invalid'];
  const isListed = partsList.status === 'ok';
  const files = isListed ? partsList.value.filter((url) => url.trim()).map(toRelativePath) : [fallbackPart];
  const parts: RawLessonList['parts'] = [];
  for (const file of files) {
    const raw = await readRawFile(source, file, issues);
    if (raw.status === 'missing' && isListed) issues.push(issue(file, '$', 'listed part file is missing'));
    if (raw.status !== 'missing') hashes.push(raw.status === 'ok' ? (raw.hash as string) : 'invalid');
    parts.push({ file, raw });
  }
  return { parts, hashes };
}

/** Parses the list parts: each bad record is an issue and is left out. */
export function parseLessonList(
  context: ImportContext,
  raw: RawLessonList,
  issues: ImportIssue[],
): LessonList {
  const list: LessonList = { lessons: [], hashes: raw.hashes };
  for (const { file, raw: part } of raw.parts) {
    const parsed = parseRecordList(file, part, context.mapper.schemas.lessonListEntry, issues);
    if (parsed.status !== 'ok') continue;
    for (const { record, path } of parsed.value) {
      list.lessons.push({ record, file, path });
      list.updatedAt = laterDateTime(list.updatedAt, normalizeDateTime(record.update_time));
    }
  }
  return list;
}

/** readLessonListFiles then parseLessonList. */
export async function readLessonList(
  context: ImportContext,
  partsFile: string,
  fallbackPart: string,
  issues: ImportIssue[],
): Promise<LessonList> {
  return parseLessonList(
    context,
    await readLessonListFiles(context, partsFile, fallbackPart, issues),
    issues,
  );
}

/** Drops lessons listed twice (across parts of one list): first wins, each duplicate is reported. */
export function dropDuplicateLessons(listed: ListedLesson[], issues: ImportIssue[]): ListedLesson[] {
  const seen = new Map<string, string>();
  return listed.filter(({ record, file, path }) => {
    const first = seen.get(record.id);
    if (first === undefined) {
      seen.set(record.id, `${file} ${path}`);
      return true;
    }
    issues.push(issue(file, path, `duplicate lesson id; the first (${first}) wins`, 'warning', record.id));
    return false;
  });
}

export interface MappedLessons {
  lessons: { lesson: Lesson; sortKey: number[] }[];
  listedAt: ListedAt;
  providers: Provider[];
  skipped: number;
}

export interface LessonPlacer {
  detailPathOf(record: LessonListEntry): string | undefined;
  /** The placement and a sort key (textbook order), or a reason to skip. */
  place(
    record: LessonRecord,
    file: string,
    path: string,
    listIndex: number,
  ): { placement: Placement; sortKey: number[] } | undefined;
}

/** Reads each lesson's detail (bounded concurrency), merges it over the list entry, maps and validates it. */
export async function mapListedLessons(
  context: ImportContext,
  listed: ListedLesson[],
  placer: LessonPlacer,
  issues: ImportIssue[],
): Promise<MappedLessons> {
  const result: MappedLessons = { lessons: [], listedAt: new Map(), providers: [], skipped: 0 };
  const mapped = await mapWithConcurrency(listed, context.concurrency, (entry, index) =>
    mapOneLesson(context, entry, index, placer, issues),
  );
  mapped.forEach((one, index) => {
    if (!one) {
      result.skipped++;
      return;
    }
    const { file, path } = listed[index] as ListedLesson;
    result.listedAt.set(one.lesson.id, { file, path });
    result.lessons.push(one);
    const provider = one.provider;
    if (provider && !result.providers.some((known) => known.id === provider.id))
      result.providers.push(provider);
  });
  return result;
}

async function mapOneLesson(
  context: ImportContext,
  entry: ListedLesson,
  listIndex: number,
  placer: LessonPlacer,
  issues: ImportIssue[],
) {
  const detailFile = placer.detailPathOf(entry.record);
  if (detailFile === undefined) {
    const type = entry.record.resource_type_code ?? 'unknown';
    issues.push(
      issue(entry.file, entry.path, `resource type ${type} is not a lesson type`, 'warning', entry.record.id),
    );
    return undefined;
  }
  const read = await readLessonRecord(context, entry, detailFile, issues);
  if (!read) return undefined;
  const { record, file, at } = read;
  const place = placer.place(record, entry.file, entry.path, listIndex);
  if (!place) return undefined;
  const mapped = context.mapper.mapLesson(record, {
    placement: place.placement,
    order: 0,
    moduleVersion: context.moduleVersion,
  });
  if ('error' in mapped) {
    issues.push(issue(file, at, mapped.error, 'error', record.id));
    return undefined;
  }
  for (const warning of mapped.warnings) issues.push(issue(file, at, warning, 'warning', record.id));
  if (context.validate) {
    const checked = LessonSchema.safeParse(mapped.lesson);
    if (!checked.success) {
      const where = jsonPath('mapped lesson', checked.error.issues[0]?.path ?? []);
      issues.push(issue(file, at, `${where}: ${describeZodError(checked.error)}`, 'error', record.id));
      return undefined;
    }
  }
  return { lesson: mapped.lesson, sortKey: place.sortKey, provider: mapped.provider };
}

/** Fields whose content the list entry does not check (see LessonListEntrySchema). */
const LIGHTLY_CHECKED = ['relations', 'resource_structure', 'ti_items'] as const;

/**
 * The lesson detail merged over its list entry: the detail wins field by field, the list entry fills what a
 * stripped detail leaves out. Without a detail, the list entry alone (then fully checked).
 */
async function readLessonRecord(
  context: ImportContext,
  entry: ListedLesson,
  detailFile: string,
  issues: ImportIssue[],
): Promise<{ record: LessonRecord; file: string; at: string } | undefined> {
  const { lessonRecord } = context.mapper.schemas;
  const options = { isHashed: false, recordId: entry.record.id };
  const detail = await readSourceFile(context.source, detailFile, lessonRecord, issues, options);
  if (detail.status === 'invalid') return undefined;
  const merged: Record<string, unknown> = { ...entry.record };
  if (detail.status === 'missing') {
    const reason = 'lesson detail missing; mapped from the list entry';
    issues.push(issue(detailFile, '$', reason, 'warning', entry.record.id));
  } else {
    for (const key in detail.value) {
      const value = (detail.value as Record<string, unknown>)[key];
      if (value !== null && value !== undefined) merged[key] = value;
    }
  }
  const [file, at] = detail.status === 'ok' ? [detailFile, '$'] : [entry.file, entry.path];
  if (
    detail.status === 'ok' &&
    !LIGHTLY_CHECKED.some((key) => detail.value[key] == null && merged[key] != null)
  ) {
    return { record: merged as LessonRecord, file, at };
  }
  const checked = lessonRecord.safeParse(merged);
  if (checked.success) return { record: checked.data, file, at };
  issues.push(
    issue(
      entry.file,
      jsonPath(entry.path, checked.error.issues[0]?.path ?? []),
      describeZodError(checked.error),
      'error',
      entry.record.id,
    ),
  );
  return undefined;
}

export function isLessonType(
  type: string | null | undefined,
): type is (typeof LESSON_RESOURCE_TYPES)[number] {
  return (LESSON_RESOURCE_TYPES as readonly string[]).includes(type ?? '');
}

/** Lexicographic order of sort keys such as [leaf chapter position, res_sort, list position]. */
export function compareSortKeys(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const difference = (a[i] ?? 0) - (b[i] ?? 0);
    if (difference !== 0) return difference;
  }
  return 0;
}
