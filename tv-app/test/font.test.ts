import { describe, expect, it } from 'vitest';
import { listCommonHanzi } from '../scripts/common-hanzi.ts';
import { readFileSync } from 'node:fs';
import { collectSubsetCharacters, subsetKey } from '../scripts/build-font.ts';
import { extractCollectionFace, readFontMetrics } from '../scripts/ttc-face.ts';
import { CJK_FONT_METRICS } from '../src/fonts.ts';

const NOTO_CJK = process.env.KETANG_CJK_FONT ?? '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc';

function readNotoCjk(): Buffer {
  try {
    return readFileSync(NOTO_CJK);
  } catch {
    throw new Error(`CJK font not found at ${NOTO_CJK}: apt-get install fonts-noto-cjk`);
  }
}

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

describe('font metrics and subset cache', () => {
  it("ships the Simplified Chinese face's own vertical metrics", () => {
    expect(readFontMetrics(extractCollectionFace(readNotoCjk(), 2))).toEqual(CJK_FONT_METRICS);
  });

  it('keys the cached subset by its inputs', () => {
    const font = Buffer.from('font bytes');
    expect(subsetKey(font, 'abc')).toBe(subsetKey(font, 'abc'));
    expect(subsetKey(font, 'abd')).not.toBe(subsetKey(font, 'abc'));
    expect(subsetKey(Buffer.from('other font'), 'abc')).not.toBe(subsetKey(font, 'abc'));
  });
});
