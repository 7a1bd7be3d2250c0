import type { LocalizedText, UnplayableReason } from '@ketang/catalog';
import rails from './rails.json' with { type: 'json' };
import today from './today.json' with { type: 'json' };
import unplayableReasons from './unplayable-reasons.json' with { type: 'json' };

/** Text the API itself shows to families; it lives in these JSON files, never in logic. */
export type RailTitleKey = keyof typeof rails;
export type TodayMessageKey = keyof typeof today;

export function unplayableMessage(reason: UnplayableReason): LocalizedText {
  return unplayableReasons[reason];
}

/** A template with `{name}` placeholders filled from bilingual values. */
function fillTemplate(template: LocalizedText, params: Record<string, LocalizedText>): LocalizedText {
  const fill = (text: string, language: 'zh' | 'en') =>
    text.replace(/\{(\w+)\}/g, (_, name: string) => {
      const value = params[name];
      return value ? (value[language] ?? value.zh) : '';
    });
  return { zh: fill(template.zh, 'zh'), en: fill(template.en ?? template.zh, 'en') };
}

/** A rail's title with `{name}` placeholders filled from bilingual names. */
export function railTitle(key: RailTitleKey, params: Record<string, LocalizedText> = {}): LocalizedText {
  return fillTemplate(rails[key], params);
}

/** A line of today's lessons (why a lesson is there), filled like a rail title. */
export function todayMessage(
  key: TodayMessageKey,
  params: Record<string, LocalizedText> = {},
): LocalizedText {
  return fillTemplate(today[key], params);
}
