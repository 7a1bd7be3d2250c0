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

  it('pages any combination of fields and cursors exactly as filtering every lesson in order would', () => {
    // 3,000 lessons whose fields interleave: matches come in runs and alone, far apart and side by side.
    let seed = 12;
    const random = (count: number) => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % count;
    };
    const many: LessonSummaryRecord[] = Array.from({ length: 3000 }, (_, position) => ({
      ...records[0]!,
      id: `m${position}`,
      sortKey: `t|${String(position).padStart(6, '0')}`,
      playable: random(3) === 0,
      placement: {
        kind: 'textbook' as const,
        stageId: `s${random(2)}`,
        gradeId: `g${random(4)}`,
        subjectId: `x${random(5)}`,
        editionId: `e${random(3)}`,
        volumeId: `v${random(2)}`,
        textbookId: `t${Math.floor(position / 40)}`,
        unitIds: [`u${Math.floor(position / 200)}`, `u${Math.floor(position / 200)}.${random(4)}`],
      },
    }));
    const big = new LessonIndex([...many].reverse());
    const fields = [
      'stageId',
      'gradeId',
      'subjectId',
      'editionId',
      'volumeId',
      'unitId',
      'playable',
    ] as const;
    const valueOf = (lesson: LessonSummaryRecord, field: (typeof fields)[number]) => {
      const placement = lesson.placement as Extract<LessonSummaryRecord['placement'], { kind: 'textbook' }>;
      if (field === 'playable') return lesson.playable;
      if (field === 'unitId') return placement.unitIds[1 - random(2)];
      return placement[field];
    };
    for (let round = 0; round < 300; round += 1) {
      const example = many[random(many.length)]!;
      const query = Object.fromEntries(
        fields.filter(() => random(3) === 0).map((field) => [field, valueOf(example, field)]),
      );
      const matches = (lesson: LessonSummaryRecord) =>
        Object.entries(query).every(([field, value]) => {
          const placement = lesson.placement as Extract<
            LessonSummaryRecord['placement'],
            { kind: 'textbook' }
          >;
          if (field === 'playable') return lesson.playable === value;
          if (field === 'unitId') return placement.unitIds.includes(value as string);
          return placement[field as 'stageId'] === value;
        });
      const after = random(2) === 0 ? undefined : many[random(many.length)]!.sortKey;
      const limit = 1 + random(30);
      const expected = many.filter(
        (lesson) => (after === undefined || lesson.sortKey > after) && matches(lesson),
      );
      expect(ids(big.page(query, { after, limit }))).toEqual(ids(expected.slice(0, limit)));
    }
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
