import { describe, expect, it } from 'vitest';
import { formatCode, isCompleteCode, normalizeCode } from './activation-code.ts';

describe('activation code input', () => {
  it('forgives case, spaces and the dash, and shows 4-4', () => {
    expect(normalizeCode(' abcd-2345 ')).toBe('ABCD2345');
    expect(formatCode('abcd2')).toBe('ABCD-2');
    expect(formatCode('abcd23456789')).toBe('ABCD-2345');
    expect(formatCode('ab')).toBe('AB');
  });

  it('is complete with 8 characters of the alphabet only', () => {
    expect(isCompleteCode('ABCD-2345')).toBe(true);
    expect(isCompleteCode('ABCD-234')).toBe(false);
    expect(isCompleteCode('ABCD-O345')).toBe(false); // O looks like 0: not in the alphabet
    expect(isCompleteCode('IL1U-2345')).toBe(false);
  });
});
