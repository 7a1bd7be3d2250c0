import { afterEach, describe, expect, it } from 'vitest';
import { setLocale } from '../shared/i18n/i18n.ts';
import { gradesOf, type FacetNode } from './api/catalogue-reads.ts';
import { gradeLabel } from './grade-label.ts';

const node = (kind: FacetNode['kind'], id: string, zh: string, children: FacetNode[] = [], en?: string) =>
  ({ kind, id, name: { zh, ...(en && { en }) }, count: 1, children }) as FacetNode;

/** Two stages each with their own 一年级 (the 6-3 and 5-4 school systems), one grade listed under two subjects. */
const TREE = [
  node('stage', 'primary', '小学', [node('grade', 'g1', '一年级', [], 'Grade 1')], 'Primary school'),
  node('stage', 'primary-54', '小学（五•四学制）', [
    node('grade', 'g1-54', '一年级', [node('subject', 'math', '数学')]),
    node('grade', 'g1-54', '一年级', [node('subject', 'chinese', '语文')]),
  ]),
];

describe('grade names in the console', () => {
  afterEach(() => setLocale('zh-CN'));

  it('lists each grade once with the stage it sits under, so same-named grades tell apart', () => {
    const grades = gradesOf(TREE);
    expect(grades.map((grade) => grade.id)).toEqual(['g1', 'g1-54']);
    expect(grades.map(gradeLabel)).toEqual(['小学 · 一年级', '小学（五•四学制） · 一年级']);
  });

  it('names the stage and grade in the chosen locale, and a grade without a stage by itself', () => {
    setLocale('en');
    expect(gradeLabel(gradesOf(TREE)[0]!)).toBe('Primary school · Grade 1');
    expect(gradeLabel({ id: 'g9', name: { zh: '九年级' } })).toBe('九年级');
  });
});
