// Locale state and the t() helper. zh-CN is the default; the choice survives restarts.
import { createSignal } from 'solid-js';
import type { LocalizedText } from '@ketang/catalog';
import zhCN from './locales/zh-CN.json';
import en from './locales/en.json';
import { readStored, writeStored } from '../state/storage.ts';

export type Locale = 'zh-CN' | 'en';
export type MessageKey = keyof typeof zhCN;
type Params = Record<string, string | number>;

const CATALOGUES: Record<Locale, Record<string, string>> = { 'zh-CN': zhCN, en };
const STORAGE_KEY = 'ketang.locale';

function initialLocale(): Locale {
  return readStored(STORAGE_KEY) === 'en' ? 'en' : 'zh-CN';
}

const [locale, setLocaleSignal] = createSignal<Locale>(initialLocale());
export { locale };

export function setLocale(next: Locale): void {
  writeStored(STORAGE_KEY, next);
  setLocaleSignal(next);
}

export function toggleLocale(): void {
  setLocale(locale() === 'zh-CN' ? 'en' : 'zh-CN');
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

/** Picks the API's bilingual text in the current locale (English falls back to Chinese). */
export function pickText(text: LocalizedText | undefined): string {
  if (!text) return '';
  return locale() === 'en' && text.en ? text.en : text.zh;
}
