import { describe, expect, it } from 'vitest';
import type { FacetNode } from '../api/catalogue-reads.ts';
import { keyNamer, rawKeys } from './key-names.ts';

const node = (kind: string, id: string, zh: string, children: FacetNode[] = []): FacetNode =>
  ({ kind, id, name: { zh }, children }) as FacetNode;

const tree = [
  node('stage', 'primary', '小学', [
    node('grade', 'g1', '一年级', [node('subject', 'math', '数学'), node('subject', 'chinese', '语文')]),
  ]),
  node('stage', 'primary54', '小学（五•四学制）', [node('grade', 'g1', '一年级')]),
];

describe('the dashboards key names', () => {
  const names = keyNamer(tree, [{ id: 'jx-telecom', name: { zh: '江西电信' } }]);

  it('names subjects, stages and carriers as the catalogue and the carriers do', () => {
    expect(names('subject', 'math')).toBe('数学');
    expect(names('stage', 'primary54')).toBe('小学（五•四学制）');
    expect(names('carrier', 'jx-telecom')).toBe('江西电信');
  });

  it('names a grade with the first stage that holds it', () => {
    expect(names('grade', 'g1')).toBe('小学 · 一年级');
  });

  it('says 未知 for unreported dimensions and keeps keys it cannot name', () => {
    expect(names('carrier', 'unknown')).toBe('未知');
    expect(names('county', 'qingshan')).toBe('qingshan');
    expect(names('day', '2026-12-05')).toBe('2026-12-05');
    expect(names('subject', 'history')).toBe('history');
    expect(rawKeys('model', 'unknown')).toBe('未知');
    expect(rawKeys('model', 'B860AV2.1')).toBe('B860AV2.1');
  });
});
