import { describe, expect, it } from 'vitest';
import zhCN from './locales/zh-CN.json';
import en from './locales/en.json';
import { formatMessage, pickBrowserLocale } from './i18n.ts';

describe('web i18n', () => {
  it('has the same keys in every locale', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(zhCN).sort());
  });

  it('follows the browser language: Chinese first, English second, Chinese otherwise', () => {
    expect(pickBrowserLocale(['zh-TW', 'en-US'])).toBe('zh-CN');
    expect(pickBrowserLocale(['en-GB', 'zh-CN'])).toBe('en');
    expect(pickBrowserLocale(['fr-FR', 'en'])).toBe('en');
    expect(pickBrowserLocale(['fr-FR'])).toBe('zh-CN');
    expect(pickBrowserLocale([])).toBe('zh-CN');
  });

  it('fills placeholders and leaves unknown ones visible', () => {
    expect(formatMessage('{count} 天', { count: 3 })).toBe('3 天');
    expect(formatMessage('{a} and {b}', { a: 1 })).toBe('1 and {b}');
  });
});
