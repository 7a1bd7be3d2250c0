import { describe, expect, it } from 'vitest';
import type { FacetNode } from '../../shared/api/family-types.ts';
import { allowListOptions, subjectNames } from './catalogue-options.ts';

const node = (kind: FacetNode['kind'], id: string, zh: string, children: FacetNode[] = []): FacetNode => ({
  kind,
  id,
  name: { zh, en: id },
  count: 1,
  children,
});

const TREE = [
  node('stage', 'xiaoxue', '小学', [
    node('grade', 'g1', '一年级', [node('subject', 'yuwen', '语文'), node('subject', 'shuxue', '数学')]),
    node('grade', 'g3', '三年级', [node('subject', 'yuwen', '语文'), node('subject', 'yingyu', '英语')]),
  ]),
];
const zh = (text: { zh: string }) => text.zh;

describe('catalogue options', () => {
  it('names every subject once', () => {
    expect(Object.fromEntries([...subjectNames(TREE)].map(([id, name]) => [id, name.zh]))).toEqual({
      yuwen: '语文',
      shuxue: '数学',
      yingyu: '英语',
    });
  });

  it("offers the child's grade's subjects, and every section", () => {
    const options = allowListOptions(
      TREE,
      [{ id: 'kehou', kind: 'after-school', title: { zh: '课后服务' }, categories: [], lessonCount: 1 }],
      'g3',
      zh,
    );
    expect(options.subjects).toEqual([
      { id: 'yuwen', label: '语文' },
      { id: 'yingyu', label: '英语' },
    ]);
    expect(options.sections).toEqual([{ id: 'kehou', label: '课后服务' }]);
  });

  it('offers all subjects when the profile has no grade', () => {
    expect(allowListOptions(TREE, [], undefined, zh).subjects.map((s) => s.id)).toEqual([
      'yuwen',
      'shuxue',
      'yingyu',
    ]);
  });
});
