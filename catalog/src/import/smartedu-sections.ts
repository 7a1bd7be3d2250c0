import { createHash } from 'node:crypto';
import { SectionSchema } from '../model/section.ts';
import type { Section } from '../model/section.ts';
import { SECTION_CATALOG_CODES, smarteduLayout } from '../sources/smartedu/layout.ts';
import { describeZodError } from '../sources/smartedu/source/read-source-file.ts';
import { toSmarteduId } from '../sources/smartedu/v2/ids.ts';
import type { LessonListEntry } from '../sources/smartedu/v2/source-schemas.ts';
import {
  KNOWN_SECTION_CATEGORIES,
  SECTION_CATEGORY_DIMENSION,
  SECTION_DEFINITIONS,
} from '../sources/smartedu/vocabulary.ts';
import { issue } from './import-issues.ts';
import type { ImportIssue } from './import-issues.ts';
import type { BatchOutcome, ImportContext } from './smartedu-context.ts';
import { dropDuplicateLessons, mapListedLessons, readLessonList } from './smartedu-lessons.ts';
import type { LessonPlacer } from './smartedu-lessons.ts';
import { isUnchanged } from './smartedu-report.ts';
import type { PreviousSmarteduState, SyncState } from './smartedu-report.ts';

/** The special-education sections (课后服务, 家庭教育…) a mirror has; a section without a parts file is absent. */
export async function* importSections(
  context: ImportContext,
  previous: PreviousSmarteduState['sections'],
): AsyncGenerator<BatchOutcome<'section'>> {
  for (const [order, code] of SECTION_CATALOG_CODES.entries()) {
    const issues: ImportIssue[] = [];
    const list = await readLessonList(
      context,
      smarteduLayout.sectionParts(code),
      smarteduLayout.sectionPart(code, 100),
      issues,
    );
    if (list.hashes.length === 0) continue;
    const id = toSmarteduId(code);
    const state: SyncState = { hash: createHash('sha1').update(list.hashes.join('\n')).digest('hex') };
    if (list.updatedAt) state.updatedAt = list.updatedAt;
    if (isUnchanged(previous?.[id], state)) {
      const batch = {
        kind: 'skipped',
        target: 'section',
        id,
        sourceId: code,
        reason: 'unchanged',
        issues,
        state,
      } as const;
      yield { batch, listedAt: new Map() };
      continue;
    }
    const categories = new Map<string, Section['categories'][number]>();
    for (const known of KNOWN_SECTION_CATEGORIES[code] ?? []) {
      categories.set(known.code, {
        id: toSmarteduId(code, known.code),
        title: { zh: known.zh, en: known.en },
        order: categories.size,
      });
    }
    const listed = dropDuplicateLessons(list.lessons, issues);
    for (const { record } of listed) {
      const tag = categoryTagOf(record);
      if (tag?.tag_id && !categories.has(tag.tag_id)) {
        const category = {
          id: toSmarteduId(code, tag.tag_id),
          title: { zh: tag.tag_name },
          order: categories.size,
        };
        categories.set(tag.tag_id, category);
      }
    }
    const mapped = await mapListedLessons(context, listed, sectionPlacer(code, categories), issues);
    const section = sectionOf(code, order, [...categories.values()], context.moduleVersion);
    if (context.validate) {
      const checked = SectionSchema.safeParse(section);
      if (!checked.success) {
        const file = smarteduLayout.sectionParts(code);
        issues.push(issue(file, '$', `mapped section: ${describeZodError(checked.error)}`, 'error', code));
        yield {
          batch: { kind: 'skipped', target: 'section', id, sourceId: code, reason: 'invalid', issues },
          listedAt: mapped.listedAt,
        };
        continue;
      }
    }
    mapped.lessons.sort((a, b) => (a.sortKey[0] ?? 0) - (b.sortKey[0] ?? 0));
    const lessons = mapped.lessons.map(({ lesson }, position) => ({ ...lesson, order: position }));
    const change = previous?.[id] ? 'changed' : 'added';
    const batch = {
      kind: 'section',
      change,
      section,
      lessons,
      providers: mapped.providers,
      issues,
      state,
    } as const;
    yield { batch, listedAt: mapped.listedAt };
  }
}

function sectionPlacer(code: string, categories: Map<string, Section['categories'][number]>): LessonPlacer {
  const sectionId = toSmarteduId(code);
  return {
    detailPathOf: (record: LessonListEntry) => smarteduLayout.sectionDetail(record.id),
    place(record, _file, _path, listIndex) {
      const categoryCode = categoryTagOf(record)?.tag_id;
      const categoryId = categoryCode ? categories.get(categoryCode)?.id : undefined;
      const placement = categoryId
        ? { kind: 'section' as const, sectionId, categoryId }
        : { kind: 'section' as const, sectionId };
      return { placement, sortKey: [listIndex] };
    },
  };
}

function categoryTagOf(record: Pick<LessonListEntry, 'tag_list'>) {
  return record.tag_list?.find((candidate) => candidate.tag_dimension_id === SECTION_CATEGORY_DIMENSION);
}

function sectionOf(
  code: string,
  order: number,
  categories: Section['categories'],
  moduleVersion?: string,
): Section {
  const definition = SECTION_DEFINITIONS[code] ?? { kind: 'topic' as const, zh: code, en: code };
  return {
    id: toSmarteduId(code),
    kind: definition.kind,
    title: { zh: definition.zh, en: definition.en },
    order,
    categories,
    provenance: { source: 'smartedu', sourceId: code, ...(moduleVersion ? { version: moduleVersion } : {}) },
  };
}
