import { FacetSchema } from '../model/facets.ts';
import { smarteduLayout } from '../sources/smartedu/layout.ts';
import { readRecordList, readSourceFile } from '../sources/smartedu/source/read-source-file.ts';
import { toSmarteduId } from '../sources/smartedu/v2/ids.ts';
import type { FacetRegistry } from '../sources/smartedu/v2/map-facets.ts';
import type { TextbookEntry } from '../sources/smartedu/v2/source-schemas.ts';
import { issue } from './import-issues.ts';
import type { ImportIssue } from './import-issues.ts';
import type { ImportContext, SmarteduBatch } from './smartedu-context.ts';
import type { TextbookJob } from './smartedu-textbook.ts';

/** The textbook list of a mirror: the tag tree's facets, the list parts, and one job per textbook. */

export async function addTagTree(
  context: ImportContext,
  facets: FacetRegistry,
  issues: ImportIssue[],
): Promise<void> {
  const file = smarteduLayout.lessonTagTree;
  const tree = await readSourceFile(context.source, file, context.mapper.schemas.tagTree, issues);
  if (tree.status === 'missing')
    issues.push(issue(file, '$', 'no tag tree; facet order follows the textbook list', 'warning'));
  if (tree.status !== 'ok') return;
  for (const hierarchy of tree.value.hierarchies ?? []) facets.addTagTree(hierarchy.children ?? []);
}

type ListedTextbook = { entry: TextbookEntry; file: string; path: string };

export async function readTextbookList(
  context: ImportContext,
  partFiles: string[],
  isListed: boolean,
  issues: ImportIssue[],
): Promise<{ listed: ListedTextbook[]; isComplete: boolean }> {
  const listed: ListedTextbook[] = [];
  let partsRead = 0;
  let isComplete = true;
  for (const file of partFiles) {
    const part = await readRecordList(context.source, file, context.mapper.schemas.textbookEntry, issues);
    if (part.status === 'missing' && isListed)
      issues.push(issue(file, '$', 'the version file lists this part; it is missing'));
    // Without a version file the parts are guessed, so a missing one is expected; a listed one is not.
    if (part.status !== 'ok' && (isListed || part.status !== 'missing')) isComplete = false;
    if (part.status !== 'ok') continue;
    partsRead += 1;
    for (const { record, path } of part.value) listed.push({ entry: record, file, path });
  }
  return { listed, isComplete: isComplete && partsRead > 0 };
}

type SkippedBatch = Extract<SmarteduBatch, { kind: 'skipped' }>;

/** Drops duplicate and offline textbooks, resolves facets, and numbers textbooks within their facets. */
export function planTextbooks(listed: ListedTextbook[], facets: FacetRegistry, issues: ImportIssue[]) {
  const jobs: TextbookJob[] = [];
  const skipped: SkippedBatch[] = [];
  const firstSeen = new Map<string, string>();
  const countPerFacets = new Map<string, number>();
  for (const { entry, file, path } of listed) {
    const id = toSmarteduId(entry.id);
    const first = firstSeen.get(entry.id);
    if (first) {
      issues.push(issue(file, path, `duplicate textbook id; the first (${first}) wins`, 'warning', entry.id));
      continue;
    }
    firstSeen.set(entry.id, `${file} ${path}`);
    if (entry.status && entry.status !== 'ONLINE') {
      skipped.push({
        kind: 'skipped',
        target: 'textbook',
        id,
        sourceId: entry.id,
        reason: 'offline',
        issues: [],
      });
      continue;
    }
    const resolved = facets.resolve(entry.tag_list);
    if (!resolved.ok) {
      const found = [issue(file, `${path}.tag_list`, resolved.reason, 'error', entry.id)];
      skipped.push({
        kind: 'skipped',
        target: 'textbook',
        id,
        sourceId: entry.id,
        reason: 'invalid',
        issues: found,
      });
      continue;
    }
    const key = Object.values(resolved.values).join('|');
    const order = countPerFacets.get(key) ?? 0;
    countPerFacets.set(key, order + 1);
    jobs.push({ entry, facets: resolved.values, isNewCurriculum: resolved.isNewCurriculum, order });
  }
  return { jobs, skipped };
}

export function validFacets(facets: FacetRegistry, issues: ImportIssue[]) {
  return facets.all().filter((facet) => {
    const checked = FacetSchema.safeParse(facet);
    if (!checked.success)
      issues.push(issue(smarteduLayout.lessonTagTree, '$', `facet ${facet.id} is invalid`, 'error'));
    return checked.success;
  });
}
