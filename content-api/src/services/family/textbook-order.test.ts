import { describe, expect, it } from 'vitest';
import { todayIndex } from '../../../test/fixtures/today-catalogue.ts';
import type { LessonIndex } from '../lesson-index.ts';
import { textbookOrderOf } from './textbook-order.ts';

describe('TextbookOrder', () => {
  it('groups a grade by subject, edition and volume, in textbook order, with each lesson’s position', () => {
    const grade = textbookOrderOf(todayIndex).grade('g1');
    expect([...grade.keys()].sort()).toEqual(['chinese', 'math']);
    const math = grade.get('math')!;
    expect([...math.keys()].sort()).toEqual(['bnu', 'pep']);
    const volume = math.get('pep')!.get('v1')!;
    expect(volume.lessons.map((lesson) => lesson.id)).toEqual(
      Array.from({ length: 10 }, (_, index) => `m1-${String(index + 1).padStart(2, '0')}`),
    );
    expect(volume.positions.get('m1-04')).toBe(3);
    expect(volume.positions.has('m2-04')).toBe(false);
    // The grade-2 book and the after-school lesson are not grade 1's textbooks.
    expect([...grade.values()].flatMap((editions) => [...editions.values()]).length).toBe(3);
  });

  it('reads a grade once per lesson index (a catalogue revision), and afresh for a new index', () => {
    let pages = 0;
    const counted: Pick<LessonIndex, 'page'> = {
      page: (query, options) => {
        pages += 1;
        return todayIndex.page(query, options);
      },
    };
    const first = textbookOrderOf(counted).grade('g1');
    expect(textbookOrderOf(counted).grade('g1')).toBe(first);
    expect(pages).toBe(1);
    textbookOrderOf(counted).grade('g2');
    expect(pages).toBe(2);
    const nextRevision: Pick<LessonIndex, 'page'> = { page: counted.page };
    expect(textbookOrderOf(nextRevision).grade('g1')).not.toBe(first);
    expect(pages).toBe(3);
  });
});
