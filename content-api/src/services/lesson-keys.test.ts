import { describe, expect, it } from 'vitest';
import { buildFixtureCatalogue } from '../../test/fixtures/catalogue.ts';
import { computeSortKey, toLessonRecord, type OrderLookup } from './lesson-keys.ts';

const catalogue = buildFixtureCatalogue(new Date('2026-11-23T04:00:00Z'));
const byId = <T extends { id: string }>(records: T[]) =>
  new Map(records.map((record) => [record.id, record]));
const orders: OrderLookup = {
  facets: byId(catalogue.facets),
  textbooks: byId(catalogue.textbooks),
  sections: byId(catalogue.sections),
};
const lesson = (id: string) => catalogue.lessons.find((candidate) => candidate.id === id)!;

describe('lesson sort keys', () => {
  it('order lessons as the textbooks do: stage, grade, subject, then position', () => {
    const keys = ['l-motion', 'l-div', 'l-add-10', 'l-poem', 'l-shapes', 'l-reading'].map((id) =>
      computeSortKey(lesson(id), orders),
    );
    const sorted = [...keys].sort();
    expect(sorted.map((key) => key.split('|').at(-1))).toEqual([
      'l-poem',
      'l-shapes',
      'l-add-10',
      'l-div',
      'l-motion',
      'l-reading',
    ]);
  });

  it('derive playability afresh when a stored lesson is written again', () => {
    const stored = { ...toLessonRecord(lesson('l-shapes'), orders, () => false) };
    expect(stored).toMatchObject({ playable: false, unplayableReason: 'asset-missing' });
    const rewritten = toLessonRecord(stored, orders, () => true);
    expect(rewritten.playable).toBe(true);
    expect(rewritten).not.toHaveProperty('unplayableReason');
  });
});
