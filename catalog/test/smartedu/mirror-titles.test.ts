import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_MIRROR_OPTIONS, generateSmarteduMirror, importSmartedu } from '../../src/index.ts';
import type { SmarteduCatalogueParts } from '../../src/index.ts';
import { titleTables } from '../../src/sources/smartedu/mirror/textbook-contents.ts';
import type { Band } from '../../src/sources/smartedu/mirror/textbook-contents.ts';

const GRADES = ['一年级', '二年级', '三年级', '四年级', '五年级', '六年级', '七年级', '八年级', '九年级'];
const tables = titleTables();

/** Which subject and band (小学, 初中 or 高中 contents) each title belongs to. */
function ownersOfTitles(): Map<string, Set<string>> {
  const owners = new Map<string, Set<string>>();
  for (const table of tables)
    for (const title of table.titles) {
      const set = owners.get(title) ?? new Set<string>();
      set.add(`${table.subject} ${table.band}`);
      owners.set(title, set);
    }
  return owners;
}

/** Every textbook lesson with the subject, band and table key its textbook's tags give it. */
function textbookLessons({ catalogue }: SmarteduCatalogueParts) {
  const nameOf = (id: string | undefined) => catalogue.facets.find((facet) => facet.id === id)?.name.zh;
  return catalogue.lessons.flatMap((lesson) => {
    if (lesson.placement.kind !== 'textbook') return [];
    const { textbookId } = lesson.placement;
    const textbook = catalogue.textbooks.find((candidate) => candidate.id === textbookId);
    if (!textbook) throw new Error(`lesson ${lesson.id} has no textbook`);
    const level = textbook.gradeId ? GRADES.indexOf(nameOf(textbook.gradeId) ?? '') + 1 : undefined;
    const volume = nameOf(textbook.volumeId) ?? '';
    const band: Band = level === undefined ? 'senior' : level <= 6 ? 'primary' : 'junior';
    const key = level === undefined ? volume : `${level}${volume.slice(0, 1)}`;
    return [
      { title: lesson.title.zh, subject: nameOf(textbook.subjectId), band, key, book: textbook.title.zh },
    ];
  });
}

describe('lesson titles of the synthetic mirror', () => {
  it('belong each to one subject and one band of contents', () => {
    const shared = [...ownersOfTitles()].filter(([, owners]) => owners.size > 1);
    expect(shared).toEqual([]);
  });

  describe('in a mirror of every taught grade, subject and volume', () => {
    let dir: string;
    let parts: SmarteduCatalogueParts;
    beforeAll(async () => {
      dir = await mkdtemp(join(tmpdir(), 'ketang-mirror-titles-'));
      // 240 textbooks walk every stage × grade × subject combination taught (119) in two volumes.
      await generateSmarteduMirror({ ...DEMO_MIRROR_OPTIONS, dir, textbooks: 240, lessonsPerTextbook: 8 });
      parts = await importSmartedu(dir, { includeSections: false });
    }, 120_000);
    afterAll(() => rm(dir, { recursive: true, force: true }));

    it("give every lesson a title of its own subject, grade and volume, never another subject's or stage's", () => {
      const owners = ownersOfTitles();
      const lessons = textbookLessons(parts);
      expect(lessons).toHaveLength(240 * 8);
      const wrong = lessons.filter((lesson) => {
        const own = tables.filter(
          (table) =>
            table.subject === lesson.subject &&
            table.band === lesson.band &&
            (table.key === lesson.key || table.key === 'singing'),
        );
        const isOwn = own.some((table) => table.titles.includes(lesson.title));
        return !isOwn || [...(owners.get(lesson.title) ?? [])].join() !== `${lesson.subject} ${lesson.band}`;
      });
      expect(wrong).toEqual([]);
    });

    it('puts 大青树下的小学 only in 三年级上册 语文 of primary school', () => {
      const books = textbookLessons(parts)
        .filter((lesson) => lesson.title === '大青树下的小学')
        .map((lesson) => lesson.book);
      expect(books.length).toBeGreaterThan(0);
      expect(books.every((book) => /^小学(（五•四学制）)?语文统编版三年级上册$/.test(book))).toBe(true);
    });

    it("orders each stage's grades as school does, 一年级 first", () => {
      const grades = parts.catalogue.facets
        .filter((facet) => facet.kind === 'grade')
        .sort((a, b) => a.order - b.order);
      for (const stageId of new Set(grades.map((grade) => grade.stageId))) {
        const levels = grades
          .filter((grade) => grade.stageId === stageId)
          .map((grade) => GRADES.indexOf(grade.name.zh));
        expect(levels).toEqual([...levels].sort((a, b) => a - b));
      }
    });

    it('offers each subject only in the editions that publish it', () => {
      const editions = (subject: string) =>
        new Set(
          parts.catalogue.textbooks
            .filter(
              (book) => parts.catalogue.facets.find((f) => f.id === book.subjectId)?.name.zh === subject,
            )
            .map((book) => parts.catalogue.facets.find((f) => f.id === book.editionId)?.name.zh),
        );
      expect([...editions('语文')]).toEqual(['统编版']);
      expect([...editions('历史')]).toEqual(['统编版']);
      expect(editions('数学').size).toBeGreaterThan(1);
      expect([...editions('数学')].some((name) => name?.startsWith('外研'))).toBe(false);
    });
  });
});
