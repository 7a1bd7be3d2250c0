// The rules form's state and its one translation to and from the API's Controls (docs/family.md: quota
// 5–600 minutes or none, bedtime HH:MM–HH:MM or none, allow-list or everything). Break settings are the
// TV's to change here; they pass through untouched.
import type { Controls } from '../../shared/api/family-types.ts';
import type { MessageKey } from '../../shared/i18n/i18n.ts';

export const QUOTA_MIN = 5;
export const QUOTA_MAX = 600;
export const QUOTA_STEP = 5;
const DEFAULT_QUOTA = 60;
const DEFAULT_BEDTIME = { start: '21:00', end: '07:00' };

export type ControlsDraft = {
  hasQuota: boolean;
  quotaMinutes: number;
  hasBedtime: boolean;
  bedtimeStart: string;
  bedtimeEnd: string;
  hasAllowList: boolean;
  subjectIds: string[];
  sectionIds: string[];
};

export function toDraft(controls: Controls): ControlsDraft {
  return {
    hasQuota: controls.dailyQuotaMinutes !== null,
    quotaMinutes: controls.dailyQuotaMinutes ?? DEFAULT_QUOTA,
    hasBedtime: controls.bedtime !== null,
    bedtimeStart: controls.bedtime?.start ?? DEFAULT_BEDTIME.start,
    bedtimeEnd: controls.bedtime?.end ?? DEFAULT_BEDTIME.end,
    hasAllowList: controls.allowList !== null,
    subjectIds: [...(controls.allowList?.subjectIds ?? [])],
    sectionIds: [...(controls.allowList?.sectionIds ?? [])],
  };
}

export function toControls(draft: ControlsDraft, current: Controls): Controls {
  return {
    dailyQuotaMinutes: draft.hasQuota ? clampQuota(draft.quotaMinutes) : null,
    breakEveryMinutes: current.breakEveryMinutes,
    breakMinutes: current.breakMinutes,
    bedtime: draft.hasBedtime ? { start: draft.bedtimeStart, end: draft.bedtimeEnd } : null,
    allowList: draft.hasAllowList ? { subjectIds: draft.subjectIds, sectionIds: draft.sectionIds } : null,
  };
}

export function clampQuota(minutes: number): number {
  if (!Number.isFinite(minutes)) return DEFAULT_QUOTA;
  return Math.min(QUOTA_MAX, Math.max(QUOTA_MIN, Math.round(minutes)));
}

/** One step of the −/+ buttons, landing on multiples of the step. */
export function stepQuota(minutes: number, direction: 1 | -1): number {
  const snapped = Math.round(minutes / QUOTA_STEP) * QUOTA_STEP;
  const next = snapped === minutes ? minutes + direction * QUOTA_STEP : snapped;
  return clampQuota(next);
}

/** What stops the draft from being saved, as a message key; null when it can be saved. */
export function draftProblem(draft: ControlsDraft): MessageKey | null {
  if (draft.hasAllowList && draft.subjectIds.length + draft.sectionIds.length === 0) {
    return 'family.controls.allowListEmpty';
  }
  return null;
}

export function toggleId(ids: readonly string[], id: string): string[] {
  return ids.includes(id) ? ids.filter((each) => each !== id) : [...ids, id];
}
