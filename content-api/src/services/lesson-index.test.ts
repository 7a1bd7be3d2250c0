import { describe, expect, it } from 'vitest';
import { buildFixtureCatalogue } from '../../test/fixtures/catalogue.ts';
import { toLessonSummaryRecord, type LessonSummaryRecord } from '../stores/lesson-summary.ts';
import { toLessonRecord } from './lesson-keys.ts';
import { LessonIndex } from './lesson-index.ts';

const catalogue = buildFixtureCatalogue(new Date('2026-11-23T04:00:00Z'));
const byId = <T extends { id: string }>(records: T[]) =>
  new Map(records.map((record) => [record.id, record]));
const orders = {
  facets: byId(catalogue.facets),
  textbooks: byId(catalogue.textbooks),
  sections: byId(catalogue.sections),
};
const records: LessonSummaryRecord[] = catalogue.lessons.map((lesson) =>
  toLessonSummaryRecord(toLessonRecord(lesson, orders, (assetId) => assetId === 'asset-shapes')),
);
// Built from a shuffled list: the index must restore textbook order itself.
const index = new LessonIndex([...records].reverse());
const ids = (lessons: LessonSummaryRecord[]) => lessons.map((lesson) => lesson.id);

describe('LessonIndex', () => {
  it('pages in textbook order, filtered by any combination of fields', () => {
    expect(ids(index.page({ gradeId: 'g1', subjectId: 'math' }, { limit: 3 }))).toEqual([
      'l-shapes',
      'l-shapes-2',
      'l-add-10',
    ]);
    expect(ids(index.page({ unitId: 'u-shapes' }, { limit: 10 }))).toEqual(['l-shapes', 'l-shapes-2']);
    expect(ids(index.page({ stageId: 'senior' }, { limit: 10 }))).toEqual(['l-motion']);
    expect(ids(index.page({ sectionId: 'after-school', categoryId: 'reading' }, { limit: 10 }))).toEqual([
      'l-reading',
    ]);
    expect(ids(index.page({ gradeId: 'g1', playable: true }, { limit: 10 }))).toEqual(['l-shapes']);
    expect(index.page({ gradeId: 'no-such-grade' }, { limit: 10 })).toEqual([]);
  });

  it('continues after a cursor without gaps or repeats', () => {
    const first = index.page({ unitId: 'u-add' }, { limit: 10 });
    const second = index.page({ unitId: 'u-add' }, { after: first.at(-1)!.sortKey, limit: 100 });
    expect(first.length + second.length).toBe(26);
    expect(new Set([...ids(first), ...ids(second)]).size).toBe(26);
  });

  it('finds neighbours within a textbook', () => {
    const shapes2 = records.find((lesson) => lesson.id === 'l-shapes-2')!;
    const { previous, next } = index.neighbours(shapes2.sortKey, { textbookId: 'tb-math-g1-pep-v1' });
    expect(previous?.id).toBe('l-shapes');
    expect(next?.id).toBe('l-add-10');
    const first = records.find((lesson) => lesson.id === 'l-shapes')!;
    expect(index.neighbours(first.sortKey, { textbookId: 'tb-math-g1-pep-v1' }).previous).toBeUndefined();
  });
});
