import { createHash } from 'node:crypto';

/**
 * Ids of imported records: `sm-` + the upstream id (a UUID or a tag id), so they are stable across syncs and
 * never collide with ids of other sources. Ids of records nested in a record add `.` + a local part
 * (a period: `sm-<lessonId>.lesson_1`; a grade, which upstream shares between stages: `sm-<stageTag>.<gradeTag>`).
 * Characters IdSchema does not allow become `_`; an id longer than 128 characters becomes `sm-h-<sha1>`.
 */
export const SMARTEDU_ID_PREFIX = 'sm-';
const MAX_ID_LENGTH = 128;
const VALID_ID_CHARS = /^[A-Za-z0-9._:-]*$/;

export function toSmarteduId(upstreamId: string, ...localParts: string[]): string {
  const raw = localParts.length === 0 ? upstreamId : [upstreamId, ...localParts].join('.');
  const id = SMARTEDU_ID_PREFIX + (VALID_ID_CHARS.test(raw) ? raw : raw.replace(/[^A-Za-z0-9._:-]/g, '_'));
  if (id.length <= MAX_ID_LENGTH) return id;
  return `${SMARTEDU_ID_PREFIX}h-${createHash('sha1').update(raw).digest('hex')}`;
}

/** The upstream id of an imported record's id (for ids made from one upstream id). */
export function toUpstreamId(id: string): string {
  return id.startsWith(SMARTEDU_ID_PREFIX) ? id.slice(SMARTEDU_ID_PREFIX.length) : id;
}
