import { createHash } from 'node:crypto';
import { TextbookSchema } from '../model/textbook.ts';
import type { FacetValues } from '../model/facets.ts';
import { smarteduLayout } from '../sources/smartedu/layout.ts';
import { describeZodError, parseRawFile, readRawFile } from '../sources/smartedu/source/read-source-file.ts';
import { toSmarteduId } from '../sources/smartedu/v2/ids.ts';
import type { ChapterIndex } from '../sources/smartedu/v2/map-textbook.ts';
import type { LessonListEntry, TextbookEntry } from '../sources/smartedu/v2/source-schemas.ts';
import { laterDateTime, normalizeDateTime } from '../sources/smartedu/v2/values.ts';
import { issue } from './import-issues.ts';
import type { ImportIssue } from './import-issues.ts';
import type { BatchOutcome, ImportContext, SmarteduBatch } from './smartedu-context.ts';
import {
  compareSortKeys,
  dropDuplicateLessons,
  isLessonType,
  mapListedLessons,
  parseLessonList,
  readLessonListFiles,
} from './smartedu-lessons.ts';
import type { LessonPlacer } from './smartedu-lessons.ts';
import { isUnchanged } from './smartedu-report.ts';
import type { SyncState } from './smartedu-report.ts';

type SkippedBatch = Extract<SmarteduBatch, { kind: 'skipped' }>;

export interface TextbookJob {
  entry: TextbookEntry;
  facets: FacetValues;
  isNewCurriculum?: boolean;
  order: number;
}

/** One textbook: its tree and lesson lists, then (unless unchanged) every lesson detail. */
export async function importTextbook(
  context: ImportContext,
  job: TextbookJob,
  previous: SyncState | undefined,
): Promise<BatchOutcome<'textbook'>> {
  const { entry } = job;
  const id = toSmarteduId(entry.id);
  const issues: ImportIssue[] = [];
  const treeFile = smarteduLayout.chapterTree(entry.id);
  const treeRaw = await readRawFile(context.source, treeFile, issues);
  if (treeRaw.status === 'missing') {
    issues.push(
      issue(treeFile, '$', 'no chapter tree; lessons are not placed in units', 'warning', entry.id),
    );
  }
  const partsFile = smarteduLayout.lessonParts(entry.id);
  const listRaw = await readLessonListFiles(
    context,
    partsFile,
    smarteduLayout.lessonPart(entry.id, 100),
    issues,
  );
  const treeHash = treeRaw.status === 'ok' ? (treeRaw.hash as string) : treeRaw.status;
  const state: SyncState = { hash: fingerprint([JSON.stringify(entry), treeHash, ...listRaw.hashes]) };
  // Same bytes as last time: skip before parsing anything.
  if (previous?.hash === state.hash) return skippedUnchanged(id, entry.id, issues, previous);
  const tree = parseRawFile(treeFile, treeRaw, context.mapper.schemas.chapterTree, issues);
  const list = parseLessonList(context, listRaw, issues);
  const updatedAt = laterDateTime(normalizeDateTime(entry.update_time), list.updatedAt);
  if (updatedAt) state.updatedAt = updatedAt;
  if (isUnchanged(previous, state)) return skippedUnchanged(id, entry.id, issues, state);

  const index = context.mapper.mapChapterTree(tree.status === 'ok' ? tree.value : []);
  const listed = dropDuplicateLessons(list.lessons, issues);
  const mapped = await mapListedLessons(
    context,
    listed,
    textbookPlacer(context, id, job, index, issues),
    issues,
  );
  mapped.lessons.sort((a, b) => compareSortKeys(a.sortKey, b.sortKey));
  const lessons = mapped.lessons.map(({ lesson }, order) => ({ ...lesson, order }));
  const textbook = context.mapper.mapTextbook(entry, {
    facets: job.facets,
    isNewCurriculum: job.isNewCurriculum,
    units: index.units,
    order: job.order,
    moduleVersion: context.moduleVersion,
  });
  if (context.validate) {
    const checked = TextbookSchema.safeParse(textbook);
    if (!checked.success) {
      issues.push(
        issue(treeFile, '$', `mapped textbook: ${describeZodError(checked.error)}`, 'error', entry.id),
      );
      const batch = {
        kind: 'skipped',
        target: 'textbook',
        id,
        sourceId: entry.id,
        reason: 'invalid',
        issues,
      } as const;
      return { batch, listedAt: mapped.listedAt };
    }
  }
  const change = previous ? 'changed' : 'added';
  const batch = {
    kind: 'textbook',
    change,
    textbook,
    lessons,
    providers: mapped.providers,
    issues,
    state,
  } as const;
  return { batch, listedAt: mapped.listedAt };
}

function skippedUnchanged(
  id: string,
  sourceId: string,
  issues: ImportIssue[],
  state: SyncState,
): BatchOutcome<'textbook'> {
  return {
    batch: { kind: 'skipped', target: 'textbook', id, sourceId, reason: 'unchanged', issues, state },
    listedAt: new Map(),
  };
}

/** Lessons sort by their leaf chapter in the tree, then the platform's `res_sort`, then list order. */
function textbookPlacer(
  context: ImportContext,
  textbookId: string,
  job: TextbookJob,
  index: ChapterIndex,
  issues: ImportIssue[],
): LessonPlacer {
  return {
    detailPathOf: (record: LessonListEntry) =>
      isLessonType(record.resource_type_code)
        ? smarteduLayout.lessonDetail(record.resource_type_code, record.id)
        : undefined,
    place(record, file, path, listIndex) {
      const placed = context.mapper.placeInTree(record.chapter_paths, record.chapter_ids, index);
      if (placed.unknown.length > 0) {
        const reason = `chapter(s) ${placed.unknown.join(', ')} not in the textbook's tree`;
        issues.push(issue(file, `${path}.chapter_paths`, reason, 'warning', record.id));
      }
      const resSort = record.resource_custom_properties?.res_sort ?? Number.MAX_SAFE_INTEGER;
      const sortKey = [placed.leafPosition, resSort, listIndex];
      return { placement: { kind: 'textbook', ...job.facets, textbookId, unitIds: placed.unitIds }, sortKey };
    },
  };
}

function fingerprint(parts: readonly string[]): string {
  const hash = createHash('sha1');
  for (const part of parts) hash.update(part).update('\n');
  return hash.digest('hex');
}

/** A bug or an unreadable mirror must not abort the import: the textbook is reported and skipped. */
export async function importTextbookSafely(
  context: ImportContext,
  job: TextbookJob,
  previous: Record<string, SyncState> | undefined,
): Promise<BatchOutcome<'textbook'>> {
  const id = toSmarteduId(job.entry.id);
  try {
    return await importTextbook(context, job, previous?.[id]);
  } catch (error) {
    const found = issue(
      smarteduLayout.lessonParts(job.entry.id),
      '$',
      `unexpected error: ${(error as Error).message}`,
      'error',
      job.entry.id,
    );
    const batch: SkippedBatch = {
      kind: 'skipped',
      target: 'textbook',
      id,
      sourceId: job.entry.id,
      reason: 'invalid',
      issues: [found],
    };
    return { batch, listedAt: new Map() };
  }
}
