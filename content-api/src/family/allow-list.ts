import type { LessonSummaryRecord } from '../stores/lesson.store.ts';

/** A profile's allow-list (docs/family.md `Controls.allowList`); null allows everything. */
export type AllowList = { subjectIds: string[]; sectionIds: string[] } | null;

/** The one decision of whether a child may see a lesson: its subject or its section is on the list. */
export function isLessonAllowed(
  lesson: Pick<LessonSummaryRecord, 'placement'>,
  allowList: AllowList,
): boolean {
  if (!allowList) return true;
  const placement = lesson.placement;
  return placement.kind === 'textbook'
    ? allowList.subjectIds.includes(placement.subjectId)
    : allowList.sectionIds.includes(placement.sectionId);
}
