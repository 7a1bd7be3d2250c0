import { SECTION_CATALOG_CODES, STATIC_HOSTS, smarteduLayout } from '../layout.ts';
import { MirrorWriter } from './mirror-writer.ts';
import { lessonDetail, lessonListEntry, sectionItem, textbookEntry } from './mirror-records.ts';
import type { PlannedLesson, PlannedTextbook } from './mirror-records.ts';
import { SeededRandom } from './seeded-random.ts';
import { buildTagTree, planTextbooks, type LeadingTextbook } from './plan-textbooks.ts';
import { PROVIDERS, SECTION_ITEMS, TEACHERS, TEACHER_INTROS, UNIT_NAMES } from './mirror-vocabulary.ts';
import { lessonTitlesOf, singingTitlesOf } from './textbook-contents.ts';

export interface SmarteduMirrorOptions {
  dir: string;
  textbooks: number;
  lessonsPerTextbook: number;
  seed: number;
  /** Items per section (课后服务, 家庭教育, 德育); 0 writes no sections. Default 4. */
  sections?: number;
  /** The lesson module's `module_version` (change it to simulate an upstream update). Default 1. */
  moduleVersion?: number;
  /** Grades and subjects whose textbooks (both volumes) come first, e.g. where a demo's videos belong. */
  leadingTextbooks?: readonly LeadingTextbook[];
}

export interface SmarteduMirrorSummary {
  dir: string;
  textbooks: number;
  lessons: number;
  multiPeriodLessons: number;
  singingLessons: number;
  eliteLessons: number;
  sectionItems: number;
  files: number;
  bytes: number;
}

const TEXTBOOKS_PER_PART = 1000;
const LESSONS_PER_PART = 100;
const LESSONS_PER_UNIT = 4;

/**
 * Writes a synthetic mirror in the platform's source format: version file, tag tree, textbook list parts,
 * chapter trees, per-textbook lesson parts, lesson details (with multi-period, singing and elite lessons),
 * and section items. Deterministic by seed.
 */
export async function generateSmarteduMirror(options: SmarteduMirrorOptions): Promise<SmarteduMirrorSummary> {
  const random = new SeededRandom(options.seed);
  const writer = new MirrorWriter(options.dir);
  const textbooks = planTextbooks(random, options.textbooks, options.leadingTextbooks);
  const summary: SmarteduMirrorSummary = {
    dir: options.dir,
    textbooks: textbooks.length,
    lessons: 0,
    multiPeriodLessons: 0,
    singingLessons: 0,
    eliteLessons: 0,
    sectionItems: 0,
    files: 0,
    bytes: 0,
  };
  for (const textbook of textbooks)
    await writeTextbook(writer, random, textbook, options.lessonsPerTextbook, summary);
  await writeTextbookList(writer, textbooks, options.moduleVersion ?? 1);
  writer.writeJson(smarteduLayout.lessonTagTree, buildTagTree(textbooks));
  summary.sectionItems = await writeSections(writer, random, options.sections ?? 4);
  return { ...summary, files: writer.files, bytes: writer.bytes };
}

function dateTime(random: SeededRandom): string {
  const at = new Date(Date.UTC(2025, 0, 1) + random.int(300 * 86_400) * 1000 + random.int(1000));
  return at.toISOString().replace('Z', '+0800');
}

async function writeTextbook(
  writer: MirrorWriter,
  random: SeededRandom,
  textbook: PlannedTextbook,
  lessonCount: number,
  summary: SmarteduMirrorSummary,
): Promise<void> {
  const titles = lessonTitlesOf(textbook.subject.name, textbook.grade, textbook.volume);
  const tree: { id: string; title: string; child_nodes: unknown[] }[] = [];
  const lessons: PlannedLesson[] = [];
  for (let n = 0; n < lessonCount; n++) {
    if (n % LESSONS_PER_UNIT === 0) {
      const unitTitle = UNIT_NAMES[tree.length] ?? `第${tree.length + 1}单元`;
      tree.push({ id: random.uuid(), title: unitTitle, child_nodes: [] });
    }
    const unit = tree[tree.length - 1] as (typeof tree)[number];
    const lesson = planLesson(random, textbook, n, titles, unit.id);
    unit.child_nodes.push({ id: lesson.chapterIds[1], title: `${n + 1} ${lesson.title}`, child_nodes: [] });
    lessons.push(lesson);
    countLesson(summary, lesson);
    writer.writeJson(
      smarteduLayout.lessonDetail(lesson.type, lesson.id),
      lessonDetail(random, lesson, textbook),
    );
  }
  writer.writeJson(smarteduLayout.chapterTree(textbook.id), tree);
  const partUrls: string[] = [];
  for (let start = 0, n = 100; start < lessons.length || n === 100; start += LESSONS_PER_PART, n++) {
    const part = lessons
      .slice(start, start + LESSONS_PER_PART)
      .map((lesson) => lessonListEntry(lesson, textbook));
    writer.writeJson(smarteduLayout.lessonPart(textbook.id, n), part);
    partUrls.push(`${STATIC_HOSTS[n % STATIC_HOSTS.length]}/${smarteduLayout.lessonPart(textbook.id, n)}`);
    if (start + LESSONS_PER_PART >= lessons.length) break;
  }
  writer.writeJson(smarteduLayout.lessonParts(textbook.id), partUrls);
}

function planLesson(
  random: SeededRandom,
  textbook: PlannedTextbook,
  n: number,
  titles: string[],
  unitId: string,
): PlannedLesson {
  const isSinging = textbook.subject.name === '语文' && n % 9 === 5;
  const type = isSinging ? 'singing' : n % 11 === 3 ? 'elite_lesson' : 'national_lesson';
  const sung = singingTitlesOf(textbook.grade);
  const title = isSinging ? (sung[n % sung.length] as string) : (titles[n % titles.length] as string);
  return {
    id: random.uuid(),
    title,
    type,
    chapterIds: [unitId, random.uuid()],
    periods: !isSinging && n % 5 === 1 ? 2 : 1,
    periodStyle: n % 10 === 1 ? 'structure' : 'tags',
    teacher: { id: random.uuid(), name: random.pick(TEACHERS), intro: random.pick(TEACHER_INTROS) },
    provider: isSinging ? (PROVIDERS[2] as PlannedLesson['provider']) : random.pick(PROVIDERS),
    resSort: n * 10,
    updateTime: dateTime(random),
  };
}

function countLesson(summary: SmarteduMirrorSummary, lesson: PlannedLesson): void {
  summary.lessons++;
  if (lesson.periods > 1) summary.multiPeriodLessons++;
  if (lesson.type === 'singing') summary.singingLessons++;
  if (lesson.type === 'elite_lesson') summary.eliteLessons++;
}

async function writeTextbookList(writer: MirrorWriter, textbooks: PlannedTextbook[], moduleVersion: number) {
  const urls: string[] = [];
  for (let start = 0, n = 100; start < textbooks.length; start += TEXTBOOKS_PER_PART, n++) {
    const part = textbooks.slice(start, start + TEXTBOOKS_PER_PART).map(textbookEntry);
    writer.writeJson(smarteduLayout.textbookListPart(n), part);
    urls.push(`${STATIC_HOSTS[n % 2]}/${smarteduLayout.textbookListPart(n)}`);
  }
  writer.writeJson(smarteduLayout.lessonVersionFile, {
    module: 'national_lesson',
    module_version: moduleVersion,
    urls,
  });
}

async function writeSections(
  writer: MirrorWriter,
  random: SeededRandom,
  itemsPerSection: number,
): Promise<number> {
  if (itemsPerSection <= 0) return 0;
  let written = 0;
  for (const code of SECTION_CATALOG_CODES) {
    const groups = SECTION_ITEMS[code];
    if (!groups) continue;
    const entries = [];
    for (let i = 0; i < itemsPerSection; i++) {
      const group = groups[i % groups.length] as (typeof groups)[number];
      const title = group.titles[Math.floor(i / groups.length) % group.titles.length] as string;
      const item = sectionItem(random, random.uuid(), title, group.category, dateTime(random));
      entries.push(item.entry);
      writer.writeJson(smarteduLayout.sectionDetail(item.entry.id), item.detail);
    }
    writer.writeJson(smarteduLayout.sectionPart(code, 100), entries);
    writer.writeJson(smarteduLayout.sectionParts(code), [
      `${STATIC_HOSTS[0]}/${smarteduLayout.sectionPart(code, 100)}`,
    ]);
    written += entries.length;
  }
  return written;
}

/**
 * A modest mirror for the catalogue's own tests and tools: 384 lessons across every stage, plus section items.
 * (`npm start` writes the content API's demo mirror, `content-api/src/demo/demo-catalogue.ts`, which puts the
 * demo videos' textbooks first.)
 */
export const DEMO_MIRROR_OPTIONS = {
  textbooks: 48,
  lessonsPerTextbook: 8,
  seed: 20_250_901,
  sections: 6,
} as const;

export function generateDemoSmarteduMirror(dir: string): Promise<SmarteduMirrorSummary> {
  return generateSmarteduMirror({ dir, ...DEMO_MIRROR_OPTIONS });
}
