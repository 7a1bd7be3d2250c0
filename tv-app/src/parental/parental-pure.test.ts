import { describe, expect, it } from 'vitest';
import { isInsideWindow, localClockTime } from './bedtime.ts';
import { BEDTIME_CHOICES, QUOTA_CHOICES, isAllowed, stepChoice, toggleAllowed } from './controls-options.ts';
import { addDigit, digitOfAction, isComplete, nextNewPinStep, removeDigit } from './pin-entry.ts';

describe('bedtime windows', () => {
  it('wraps past midnight', () => {
    const window = { start: '21:00', end: '07:00' };
    expect(['21:00', '23:59', '00:00', '06:59'].map((c) => isInsideWindow(c, window))).toEqual([
      true,
      true,
      true,
      true,
    ]);
    expect(['20:59', '07:00', '12:00'].map((c) => isInsideWindow(c, window))).toEqual([false, false, false]);
  });
  it('handles a window within one day and an empty one', () => {
    expect(isInsideWindow('13:30', { start: '13:00', end: '14:00' })).toBe(true);
    expect(isInsideWindow('14:00', { start: '13:00', end: '14:00' })).toBe(false);
    expect(isInsideWindow('13:00', { start: '13:00', end: '13:00' })).toBe(false);
  });
  it('reads the clock in the household time zone', () => {
    expect(localClockTime(Date.parse('2026-12-05T13:05:00Z'), 'Asia/Shanghai')).toBe('21:05');
    expect(localClockTime(Date.parse('2026-12-05T16:00:00Z'), 'Asia/Shanghai')).toBe('00:00');
  });
});

describe('controls choices', () => {
  it('steps through the presets both ways, wrapping', () => {
    expect(stepChoice(QUOTA_CHOICES, null, 1)).toBe(30);
    expect(stepChoice(QUOTA_CHOICES, null, -1)).toBe(120);
    expect(stepChoice(QUOTA_CHOICES, 120, 1)).toBe(null);
    expect(stepChoice(BEDTIME_CHOICES, { start: '21:00', end: '07:00' }, 1)).toEqual({
      start: '21:30',
      end: '07:00',
    });
  });
  it('keeps a value set elsewhere in the cycle', () => {
    expect(stepChoice(QUOTA_CHOICES, 75, 1)).toBe(null);
    expect(stepChoice(QUOTA_CHOICES, 75, -1)).toBe(120);
    expect(stepChoice(QUOTA_CHOICES, null, -1)).toBe(120);
  });
  it('toggles subjects in an allow-list that starts as "everything"', () => {
    expect(isAllowed(null, 'subjectIds', 'math')).toBe(true);
    const list = toggleAllowed(null, 'subjectIds', 'math');
    expect(list).toEqual({ subjectIds: ['math'], sectionIds: [] });
    expect(isAllowed(list, 'subjectIds', 'chinese')).toBe(false);
    expect(toggleAllowed(list, 'subjectIds', 'math').subjectIds).toEqual([]);
  });
});

describe('PIN entry', () => {
  it('takes four digits and nothing else', () => {
    let pin = '';
    for (const d of ['1', 'x', '2', '3', '4', '5']) pin = addDigit(pin, d);
    expect(pin).toBe('1234');
    expect(isComplete(pin)).toBe(true);
    expect(removeDigit(pin)).toBe('123');
    expect(digitOfAction('Digit7')).toBe('7');
    expect(digitOfAction('Enter')).toBeUndefined();
  });
  it('asks twice when setting a PIN and refuses a different second entry', () => {
    const confirm = nextNewPinStep({ step: 'enter' }, '2580');
    expect(confirm).toEqual({ step: 'confirm', first: '2580' });
    expect(nextNewPinStep(confirm, '2580')).toEqual({ step: 'done', pin: '2580' });
    expect(nextNewPinStep(confirm, '2581')).toEqual({ step: 'mismatch' });
    expect(nextNewPinStep({ step: 'mismatch' }, '1111')).toEqual({ step: 'confirm', first: '1111' });
  });
});
