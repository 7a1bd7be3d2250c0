import { describe, expect, it } from 'vitest';
import { diffRows, filterAudit } from './audit-diff.ts';

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

  it('filters by action and an inclusive date range', () => {
    const records = [
      { action: 'a', at: '2026-12-01T10:00:00Z' },
      { action: 'b', at: '2026-12-03T10:00:00Z' },
      { action: 'a', at: '2026-12-05T10:00:00Z' },
    ];
    expect(filterAudit(records, { action: 'a', from: '2026-12-02', to: '' })).toEqual([records[2]]);
    expect(filterAudit(records, { action: '', from: '', to: '2026-12-03' })).toHaveLength(2);
  });
});
