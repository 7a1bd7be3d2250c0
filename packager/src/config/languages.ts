import type { LocalizedText } from '@ketang/catalog';

const LANGUAGE_LABELS: Record<string, LocalizedText> = {
  zh: { zh: '中文', en: 'Chinese' },
  en: { zh: '英文', en: 'English' },
};

/** A bilingual label for a BCP 47 language (zh-CN → 中文/Chinese); the tag itself when unknown. */
export function labelForLanguage(language: string): LocalizedText {
  return LANGUAGE_LABELS[language.split('-')[0] ?? ''] ?? { zh: language, en: language };
}
