// The dashboards' messages, kept beside the page (the console's own locale files are another engineer's); the
// language and the formatting are the shared i18n's, so the switch and fallbacks behave as on every page.
import { formatMessage, locale, type Params } from '../../shared/i18n/i18n.ts';
import en from './locales/en.json';
import zhCN from './locales/zh-CN.json';

export type DashboardMessageKey = keyof typeof zhCN;
const CATALOGUES: Record<string, Record<string, string>> = { 'zh-CN': zhCN, en };

/** The message in the current locale, falling back to Chinese, then the key. */
export function dt(key: DashboardMessageKey, params?: Params): string {
  return formatMessage(CATALOGUES[locale()]?.[key] ?? zhCN[key] ?? key, params);
}
