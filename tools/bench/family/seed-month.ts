import { randomUUID } from 'node:crypto';
import type { Facet } from '@ketang/catalog';
import { BoxCredentials } from '../../../content-api/src/services/family/family-auth.ts';
import { defaultControls } from '../../../content-api/src/services/family/controls.ts';
import type { ProgressRecord } from '../../../content-api/src/stores/progress.store.ts';
import type { Stores } from '../../../content-api/src/stores/stores.ts';
import type { GradeLessons } from './grade-lessons.ts';

/** A child profile the home load reads, with its box's credential. */
export type SeededProfile = { token: string; profileId: string; gradeId: string };

const DAYS = 30;
const LESSONS_PER_DAY = { min: 2, max: 4 };
const COMPLETED_SHARE = 0.85;
const CHUNK = 250;
const DAY_MS = 86_400_000;

/**
 * A month of one child's watching, as the heartbeats would have left it: on each of the last 30 days 2–4
 * lessons (so 60–120 records, 90 on average), each the next lesson of a subject picked at random in the
 * grade's first textbook; 85% watched to the end (completed), the others stopped between 20% and 80%.
 * Evenings in China (18:00 +08:00 onwards), oldest first.
 */
export function monthOfProgress(
  grade: GradeLessons,
  ids: { householdId: string; profileId: string },
  now: Date,
  random: () => number,
): ProgressRecord[] {
  const next = grade.subjects.map(() => 0);
  const records: ProgressRecord[] = [];
  for (let daysAgo = DAYS; daysAgo >= 1; daysAgo -= 1) {
    const evening =
      Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate(), 10) - daysAgo * DAY_MS;
    const count =
      LESSONS_PER_DAY.min + Math.floor(random() * (LESSONS_PER_DAY.max - LESSONS_PER_DAY.min + 1));
    for (let index = 0; index < count; index += 1) {
      const subject = Math.floor(random() * grade.subjects.length);
      const lesson = grade.subjects[subject]![next[subject]!];
      if (!lesson) continue;
      next[subject]! += 1;
      const duration = lesson.durationSeconds || 2_400;
      const completed = random() < COMPLETED_SHARE;
      const position = completed ? duration : Math.round(duration * (0.2 + random() * 0.6));
      const updatedAt = new Date(evening + index * 35 * 60_000).toISOString();
      records.push({
        ...ids,
        lessonId: lesson.id,
        positionSeconds: position,
        durationSeconds: duration,
        watchedSeconds: position + Math.round(random() * 60),
        rewoundSeconds: random() < 0.2 ? Math.round(random() * 120) : 0,
        completed,
        ...(completed ? { completedAt: updatedAt } : {}),
        updatedAt,
      });
    }
  }
  return records;
}

/**
 * Seeds `count` households directly through the stores (the API not running): each a household in
 * Asia/Shanghai, a box credential issued as at first start, one child profile of a grade taken in turn, and a
 * month of progress. Answers the profiles and how many progress records were written.
 */
export async function seedHouseholds(
  stores: Stores,
  grades: readonly GradeLessons[],
  facets: readonly Facet[],
  count: number,
  random: () => number,
): Promise<{ profiles: SeededProfile[]; progressRecords: number }> {
  const now = new Date();
  const facetById = new Map(facets.map((facet) => [facet.id, facet]));
  const credentials = new BoxCredentials(stores.credentials);
  const profiles: SeededProfile[] = [];
  let progressRecords = 0;
  for (let start = 0; start < count; start += CHUNK) {
    const chunk = Array.from({ length: Math.min(CHUNK, count - start) }, (_, offset) => {
      const grade = grades[(start + offset) % grades.length]!;
      const householdId = randomUUID();
      const profileId = randomUUID();
      return { grade, householdId, profileId };
    });
    const progress = chunk.flatMap(({ grade, householdId, profileId }) =>
      monthOfProgress(grade, { householdId, profileId }, now, random),
    );
    const tokens = await Promise.all(
      chunk.map(async ({ grade, householdId, profileId }) => {
        const createdAt = new Date(now.getTime() - 40 * DAY_MS).toISOString();
        await stores.households.save({ id: householdId, timeZone: 'Asia/Shanghai', createdAt });
        const stage = facetById.get(facetById.get(grade.gradeId)?.stageId ?? '');
        await stores.profiles.save({
          id: profileId,
          householdId,
          kind: 'child',
          name: '小明',
          avatar: 'panda',
          gradeId: grade.gradeId,
          editions: {},
          controls: defaultControls(stage),
          createdAt,
        });
        return credentials.issue(householdId, randomUUID(), 'first-start', now);
      }),
    );
    await stores.progress.saveMany(progress);
    progressRecords += progress.length;
    chunk.forEach(({ grade, profileId }, index) =>
      profiles.push({ token: tokens[index]!, profileId, gradeId: grade.gradeId }),
    );
  }
  return { profiles, progressRecords };
}
