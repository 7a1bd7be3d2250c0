import { describe, expect, it } from 'vitest';
import { dayTimeText, parseDay, parseDayTime } from './day-text.ts';

describe('typed dates', () => {
  it('takes a real YYYY-MM-DD day and refuses other forms and days that do not exist', () => {
    expect(parseDay('2026-09-01')).toBe('2026-09-01');
    expect(parseDay(' 2028-02-29 ')).toBe('2028-02-29');
    for (const text of [
      '2026-02-29',
      '2026-13-01',
      '2026-00-10',
      '09/01/2026',
      '2026-9-1',
      '2026-09-01x',
      '',
    ])
      expect(parseDay(text), text).toBeUndefined();
  });

  it('takes a day and a 24-hour time, with a space or a T, as a datetime-local value', () => {
    expect(parseDayTime('2026-12-07 08:30')).toBe('2026-12-07T08:30');
    expect(parseDayTime('2026-12-07T23:59')).toBe('2026-12-07T23:59');
    for (const text of [
      '2026-12-07 24:00',
      '2026-12-07 08:60',
      '2026-02-30 08:00',
      '2026-12-07',
      '12/07/2026 8:30',
    ])
      expect(parseDayTime(text), text).toBeUndefined();
    expect(dayTimeText('2026-12-07T08:30')).toBe('2026-12-07 08:30');
  });
});
