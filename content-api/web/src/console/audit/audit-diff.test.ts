import { describe, expect, it } from 'vitest';
import { diffRows } from './audit-diff.ts';

describe('the audit diff', () => {
  it('lists changed, added and removed fields by path', () => {
    expect(
      diffRows(
        { title: { zh: '旧' }, hidden: false, order: 3 },
        { title: { zh: '新', en: 'New' }, hidden: false },
      ),
    ).toEqual([
      { path: 'order', before: '3' },
      { path: 'title.en', after: '"New"' },
      { path: 'title.zh', before: '"旧"', after: '"新"' },
    ]);
    expect(diffRows(undefined, 'x')).toEqual([{ path: '·', after: '"x"' }]);
  });
});
