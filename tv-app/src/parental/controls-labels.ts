// How each control reads on the Settings page: "每日观看" and "60 分钟".
import { t } from '../i18n/i18n.ts';
import type { Controls } from '../api/family-types.ts';

export type ControlRow = 'quota' | 'break' | 'bedtime' | 'allowList';
export const CONTROL_ROWS: ControlRow[] = ['quota', 'break', 'bedtime', 'allowList'];

export function controlRowValue(row: ControlRow, controls: Controls): string {
  if (row === 'quota') {
    const minutes = controls.dailyQuotaMinutes;
    return minutes === null ? t('settings.quotaOff') : t('format.minutes', { minutes });
  }
  if (row === 'break') {
    return t('settings.breakEvery', { minutes: controls.breakEveryMinutes, rest: controls.breakMinutes });
  }
  if (row === 'bedtime') {
    const window = controls.bedtime;
    return window ? t('settings.window', window) : t('settings.bedtimeOff');
  }
  const list = controls.allowList;
  if (!list) return t('settings.allowAll');
  return t('settings.allowSome', { count: list.subjectIds.length + list.sectionIds.length });
}

const LABELS = {
  quota: 'settings.quota',
  break: 'settings.break',
  bedtime: 'settings.bedtime',
  allowList: 'settings.allowList',
} as const;

export function controlRowLabel(row: ControlRow): string {
  return t(LABELS[row]);
}
