import { describe, expect, it } from 'vitest';
import { isValidName, isValidPin } from './name-rules.ts';

describe('name and PIN rules', () => {
  it('takes 1–12 characters, Chinese counted one each', () => {
    expect(isValidName('小明')).toBe(true);
    expect(isValidName('  ')).toBe(false);
    expect(isValidName('一二三四五六七八九十壹贰')).toBe(true);
    expect(isValidName('一二三四五六七八九十壹贰叁')).toBe(false);
  });

  it('takes a PIN of 4–6 digits', () => {
    expect(isValidPin('2468')).toBe(true);
    expect(isValidPin('123')).toBe(false);
    expect(isValidPin('12a4')).toBe(false);
    expect(isValidPin('1234567')).toBe(false);
  });
});
