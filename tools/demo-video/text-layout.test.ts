import { describe, expect, it } from 'vitest';
import { measureTextEm, splitCaptionLines, wrapText } from './text-layout.ts';

describe('measureTextEm', () => {
  it('counts Chinese and full-width characters as 1 em and Latin ones as about half', () => {
    expect(measureTextEm('认识图形')).toBe(4);
    expect(measureTextEm('，（')).toBe(2);
    expect(measureTextEm('ab')).toBeCloseTo(1.1);
  });
});

describe('wrapText', () => {
  it('keeps text that fits on one line', () => {
    expect(wrapText('正方形的四条边都相等', 20)).toEqual(['正方形的四条边都相等']);
  });

  it('breaks Chinese anywhere but never starts a line with closing punctuation', () => {
    const lines = wrapText('长方形有四条边，对边相等', 7);
    expect(lines).toEqual(['长方形有四条边，', '对边相等']);
  });

  it('keeps Latin words whole and drops the space at the break', () => {
    expect(wrapText('What colour is it? 它是什么颜色？', 10)).toEqual([
      'What colour is it?',
      '它是什么颜色？',
    ]);
  });
});

describe('splitCaptionLines', () => {
  it('leaves a short caption on one line', () => {
    expect(splitCaptionLines('三角形有三个角，圆没有角。', 16)).toEqual(['三角形有三个角，圆没有角。']);
  });

  it('splits a long caption at the clause end nearest the middle', () => {
    expect(splitCaptionLines('床前明月光，疑是地上霜。举头望明月，低头思故乡。', 16)).toEqual([
      '床前明月光，疑是地上霜。',
      '举头望明月，低头思故乡。',
    ]);
    expect(splitCaptionLines('Like poles repel, unlike poles attract.', 16)).toEqual([
      'Like poles repel,',
      'unlike poles attract.',
    ]);
  });

  it('balances a long caption without punctuation into two lines', () => {
    const lines = splitCaptionLines('白日依山尽黄河入海流欲穷千里目更上一层楼', 16);
    expect(lines).toHaveLength(2);
    expect(lines.join('')).toBe('白日依山尽黄河入海流欲穷千里目更上一层楼');
  });
});
