import { TIMETABLE_COLUMNS, TIMETABLE_PROBLEM_CODES } from '@ketang/contract';
import { describe, expect, it } from 'vitest';
import en from './locales/en.json';
import zhCN from './locales/zh-CN.json';

describe('timetable import messages', () => {
  it('translate every problem code and column the API reports', () => {
    const keys = [
      ...TIMETABLE_PROBLEM_CODES.map((code) => `timetable.problem.${code}`),
      ...TIMETABLE_COLUMNS.map((column) => `timetable.column.${column}`),
    ];
    for (const locale of [en, zhCN] as Record<string, string>[]) {
      expect(keys.filter((key) => !locale[key])).toEqual([]);
    }
  });
});
