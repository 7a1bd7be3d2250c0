import { describe, expect, it } from 'vitest';
import { normaliseQuery, SearchIndex } from './search-index.ts';

const entry = (name: string, group?: string, alsoName?: string) => ({
  item: name,
  name,
  group,
  alsoName,
  tieBreak: name,
});

describe('SearchIndex', () => {
  const index = new SearchIndex([
    entry('10以内的加法', '数学'),
    entry('数学广角：搭配', '数学'),
    entry('静夜思', '语文', 'Thoughts on a Quiet Night'),
    entry('声现象', '物理'),
    entry('认识钟表', '数学'),
    entry('长方形和正方形', '数学'),
  ]);

  it('lists a subject spelled by its initials before titles that only contain them', () => {
    const withTree = new SearchIndex([
      entry('大青树下的小学', '语文'),
      entry('认识钟表', '数学'),
      entry('数学广角：搭配', '数学'),
    ]);
    expect(withTree.search('sx', 10)).toEqual(['数学广角：搭配', '认识钟表', '大青树下的小学']);
  });

  it('finds by pinyin initials, titles before subject matches', () => {
    expect(index.search('sx', 10)).toEqual([
      '声现象',
      '数学广角：搭配',
      '认识钟表',
      '10以内的加法',
      '长方形和正方形',
    ]);
  });

  it('finds by full pinyin only from a syllable start', () => {
    expect(index.search('jingyesi', 10)).toEqual(['静夜思']);
    expect(index.search('yesi', 10)).toEqual(['静夜思']);
    expect(index.search('ngye', 10)).toEqual([]);
  });

  it('ranks exact and prefix Chinese matches first', () => {
    expect(index.search('数学', 10)[0]).toBe('数学广角：搭配');
    expect(index.search('正方形', 10)).toEqual(['长方形和正方形']);
  });

  it('reads polyphonic characters in context (长方形 is chang, not zhang)', () => {
    expect(index.search('cfx', 10)).toEqual(['长方形和正方形']);
  });

  it('matches English names and ignores case, spaces and apostrophes', () => {
    expect(index.search('Quiet Night', 10)).toEqual(['静夜思']);
    expect(normaliseQuery(" Xi'an  ")).toBe('xian');
  });

  it('honours the limit and returns nothing for an empty query', () => {
    expect(index.search('sx', 2)).toHaveLength(2);
    expect(index.search('   ', 10)).toEqual([]);
  });

  it('lists a lesson that plays before one that cannot among equal matches, never above a better match', () => {
    const lesson = (name: string, isPlayable: boolean, tieBreak: string) => ({
      item: `${name}${isPlayable ? ' ▶' : ''}`,
      name,
      group: '数学',
      isPreferred: isPlayable,
      tieBreak,
    });
    const withPlayable = new SearchIndex([
      lesson('认识钟表', false, 'a'),
      lesson('认识钟表', true, 'b'),
      lesson('认识钟表（一）', false, 'c'),
      lesson('认识钟表（二）', true, 'd'),
      lesson('认识', false, 'e'),
    ]);
    expect(withPlayable.search('认识钟表', 10)).toEqual([
      '认识钟表 ▶',
      '认识钟表',
      '认识钟表（二） ▶',
      '认识钟表（一）',
    ]);
    expect(withPlayable.search('rszb', 10)).toEqual([
      '认识钟表 ▶',
      '认识钟表（二） ▶',
      '认识钟表',
      '认识钟表（一）',
    ]);
    expect(withPlayable.search('认识', 2)).toEqual(['认识', '认识钟表 ▶']);
  });
});
