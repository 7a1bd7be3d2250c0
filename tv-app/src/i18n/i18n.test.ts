import { describe, expect, it } from 'vitest';
import zhCN from './locales/zh-CN.json';
import en from './locales/en.json';
import { formatMessage, pickText, setLocale, t } from './i18n.ts';
import { wrapCjk } from './wrap-cjk.ts';

const ZWSP = '\u200b';

describe('i18n', () => {
  it('has the same keys in every locale', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(zhCN).sort());
  });

  it('speaks Chinese by default and English when switched', () => {
    setLocale('zh-CN');
    expect(t('nav.search')).toBe('搜索');
    expect(pickText({ zh: '数学', en: 'Mathematics' })).toBe('数学');
    setLocale('en');
    expect(t('lesson.periods', { count: 2 })).toBe('2 periods');
    expect(pickText({ zh: '数学', en: 'Mathematics' })).toBe('Mathematics');
    expect(pickText({ zh: '语文' })).toBe('语文');
    setLocale('zh-CN');
  });

  it('leaves unknown placeholders visible rather than dropping text', () => {
    expect(formatMessage('{a} and {b}', { a: 1 })).toBe('1 and {b}');
  });
});

describe('Chinese line wrapping', () => {
  it('puts a break opportunity between Chinese characters', () => {
    expect(wrapCjk('认识数字')).toBe(['认', '识', '数', '字'].join(ZWSP));
  });

  it('never breaks before closing or after opening punctuation, nor inside Latin words', () => {
    const wrapped = wrapCjk('比一比：大小（一）lesson');
    expect(wrapped).not.toContain(`${ZWSP}：`);
    expect(wrapped).not.toContain(`（${ZWSP}`);
    expect(wrapped).not.toContain(`${ZWSP}）`);
    expect(wrapped.endsWith('lesson')).toBe(true);
    expect(wrapped.replaceAll(ZWSP, '')).toBe('比一比：大小（一）lesson');
  });
});
