import { describe, expect, it } from 'vitest';
import { listCommonHanzi } from '../scripts/common-hanzi.ts';
import { collectSubsetCharacters } from '../scripts/build-font.ts';

describe('font subset characters', () => {
  it('holds the 3,755 common characters, sorted and unique, plus the locale text', () => {
    const common = listCommonHanzi();
    expect([...common]).toHaveLength(3755);
    expect(common.startsWith('啊')).toBe(true);
    const chars = [...collectSubsetCharacters('课堂 Ketang 龘')];
    expect(chars).toContain('龘');
    expect(chars).toContain('课');
    expect(chars).toContain('，');
    expect(new Set(chars).size).toBe(chars.length);
    expect(chars.map((c) => c.codePointAt(0)!)).toEqual(
      [...chars.map((c) => c.codePointAt(0)!)].sort((a, b) => a - b),
    );
    expect(collectSubsetCharacters('x')).toBe(collectSubsetCharacters('x'));
  });
});
