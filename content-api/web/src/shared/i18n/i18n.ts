// Locale state and t() for every web page. The user's switch wins, then the browser's language (zh* → zh-CN,
// en* → en), then Chinese. Messages live in locales/*.json, namespaced per page (`family.*`) plus `common.*`.
import { createSignal } from 'solid-js';
import zhCN from './locales/zh-CN.json';
import en from './locales/en.json';
import { readStored, writeStored } from '../storage.ts';

export type Locale = 'zh-CN' | 'en';
export type MessageKey = keyof typeof zhCN;
export type Params = Record<string, string | number>;
export type LocalizedText = { zh: string; en?: string };

export const LOCALES: readonly Locale[] = ['zh-CN', 'en'];
const CATALOGUES: Record<Locale, Record<string, string>> = { 'zh-CN': zhCN, en };
const STORAGE_KEY = 'ketang.web.locale';

/** The first of the browser's languages we speak; Chinese when none is. */
export function pickBrowserLocale(languages: readonly string[]): Locale {
  for (const language of languages) {
    const lower = language.toLowerCase();
    if (lower.startsWith('zh')) return 'zh-CN';
    if (lower.startsWith('en')) return 'en';
  }
  return 'zh-CN';
}

function initialLocale(): Locale {
  const stored = readStored(STORAGE_KEY);
  if (stored === 'zh-CN' || stored === 'en') return stored;
  return pickBrowserLocale(globalThis.navigator?.languages ?? []);
}

const [locale, setLocaleSignal] = createSignal<Locale>(initialLocale());
export { locale };
// The page's language follows the chosen locale from the start (the HTML says zh-CN; an English browser's pick
// must reach screen readers, fonts and hyphenation too).
if (globalThis.document) document.documentElement.lang = locale();

export function setLocale(next: Locale): void {
  writeStored(STORAGE_KEY, next);
  setLocaleSignal(next);
  if (globalThis.document) document.documentElement.lang = next;
}

export function formatMessage(template: string, params: Params = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}

/** The message for `key` in the current locale, falling back to Chinese, then to the key itself. */
export function t(key: MessageKey, params?: Params): string {
  const template = CATALOGUES[locale()][key] ?? CATALOGUES['zh-CN'][key] ?? key;
  return formatMessage(template, params);
}

/** A catalogue text in the current locale (English falls back to Chinese). */
export function pickText(text: LocalizedText): string {
  return locale() === 'en' && text.en ? text.en : text.zh;
}
