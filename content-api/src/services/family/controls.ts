import type { Facet } from '@ketang/catalog';
import type { Controls } from '../../schemas/family.schema.ts';
import type { LessonSummaryRecord } from '../../stores/lesson.store.ts';
import { zoneOffsetMinutes } from '../time-zone.ts';

const PRIMARY_BREAK_EVERY_MINUTES = 20;
const OTHER_BREAK_EVERY_MINUTES = 30;
const BREAK_MINUTES = 5;

/** Stage ids are the platform's; its primary stages (小学, 小学（五•四学制）) are named so. */
const isPrimaryStage = (stage: Facet | undefined) => stage?.name.zh.startsWith('小学') ?? false;

/** A new profile's controls: no quota, no bedtime, everything allowed; breaks by the child's stage. */
export function defaultControls(stage: Facet | undefined): Controls {
  return {
    dailyQuotaMinutes: null,
    breakEveryMinutes: isPrimaryStage(stage) ? PRIMARY_BREAK_EVERY_MINUTES : OTHER_BREAK_EVERY_MINUTES,
    breakMinutes: BREAK_MINUTES,
    bedtime: null,
    allowList: null,
  };
}

/** Whether the allow-list lets a profile watch a lesson: its subject or its section is listed. */
export function isLessonAllowed(
  controls: Pick<Controls, 'allowList'>,
  lesson: Pick<LessonSummaryRecord, 'placement'>,
): boolean {
  const list = controls.allowList;
  if (!list) return true;
  const placement = lesson.placement;
  return placement.kind === 'textbook'
    ? list.subjectIds.includes(placement.subjectId)
    : list.sectionIds.includes(placement.sectionId);
}

const minutesOf = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/** Inside the bedtime window now, in the household's time zone; a window may span midnight (21:00–07:00). */
export function isBedtime(bedtime: Controls['bedtime'], timeZone: string, now: Date): boolean {
  if (!bedtime) return false;
  const local = new Date(now.getTime() + zoneOffsetMinutes(timeZone, now) * 60_000);
  const minute = local.getUTCHours() * 60 + local.getUTCMinutes();
  const start = minutesOf(bedtime.start);
  const end = minutesOf(bedtime.end);
  if (start === end) return false;
  return start < end ? minute >= start && minute < end : minute >= start || minute < end;
}
