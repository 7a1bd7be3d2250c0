// The home layouts screen's messages, kept beside it (the console's locale files are shared by many screens);
// the language and formatting are the shared i18n's.
import { formatMessage, locale, type Params } from '../../shared/i18n/i18n.ts';
import en from './locales/en.json';
import zhCN from './locales/zh-CN.json';

export type LayoutMessageKey = keyof typeof zhCN;
const CATALOGUES: Record<string, Record<string, string>> = { 'zh-CN': zhCN, en };

/** The message in the current locale, falling back to Chinese, then the key. */
export function lt(key: LayoutMessageKey, params?: Params): string {
  return formatMessage(CATALOGUES[locale()]?.[key] ?? zhCN[key] ?? key, params);
}
