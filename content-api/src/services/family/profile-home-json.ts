import type { Response } from 'express';
import type { Controls, Profile, Rail, TodayItem } from '@ketang/contract';
import type { ProgressRecord } from '../../stores/progress.store.ts';
import type { LessonIndex } from '../lesson-index.ts';
import { isLessonAllowed } from './controls.ts';

/** A `ProfileHome` (docs/family.md) already serialised: the route sends it as it is. */
export type ProfileHomeJson = string & { readonly __brand: 'ProfileHomeJson' };

/**
 * A rail serialised once: its fields up to the items, and each item without its closing brace, so that a
 * child's progress is appended to the tiles it has watched. A grade's rails are the same for every child and
 * make up most of the answer (about 100 KB at 100k lessons); serialising them on every request cost more than
 * planning the day.
 */
export type RailJson = {
  rail: Rail;
  head: string;
  openItems: readonly string[];
};

export function toRailJson(rail: Rail): RailJson {
  const { items, ...fields } = rail;
  return {
    rail,
    head: `${JSON.stringify(fields).slice(0, -1)},"items":[`,
    openItems: items.map((item) => JSON.stringify(item).slice(0, -1)),
  };
}

type ProgressByLesson = ReadonlyMap<string, ProgressRecord>;

function progressSuffix(record: ProgressRecord | undefined): string {
  if (!record) return '}';
  const { positionSeconds, durationSeconds, completed } = record;
  return `,"progress":${JSON.stringify({ positionSeconds, durationSeconds, completed })}}`;
}

/**
 * A rail as the child sees it: only what the allow-list lets through (`isLessonAllowed`, the one decision),
 * lesson tiles with the child's progress; undefined when nothing is left, as an empty rail is dropped.
 */
export function renderRailForProfile(
  railJson: RailJson,
  lessons: Pick<LessonIndex, 'get'>,
  controls: Pick<Controls, 'allowList'>,
  progress: ProgressByLesson,
): string | undefined {
  const rail = railJson.rail;
  const list = controls.allowList;
  const isAllowed = (lessonId: string) => {
    if (!list) return true;
    const lesson = lessons.get(lessonId);
    return lesson !== undefined && isLessonAllowed(controls, lesson);
  };
  const parts: string[] = [];
  rail.items.forEach((item, index) => {
    const open = railJson.openItems[index]!;
    if (rail.kind === 'lessons') {
      const lessonId = (item as { id: string }).id;
      if (isAllowed(lessonId)) parts.push(open + progressSuffix(progress.get(lessonId)));
    } else if (rail.kind === 'sections') {
      if (!list || list.sectionIds.includes((item as { id: string }).id)) parts.push(`${open}}`);
    } else {
      const lessonOnAir = (item as { now?: { lesson: { id: string } } }).now?.lesson.id;
      if (!lessonOnAir || isAllowed(lessonOnAir)) parts.push(`${open}}`);
    }
  });
  return parts.length > 0 ? `${railJson.head}${parts.join(',')}]}` : undefined;
}

export function renderProfileHome(
  profile: Profile,
  today: readonly TodayItem[],
  rails: readonly string[],
): ProfileHomeJson {
  const json = `{"profile":${JSON.stringify(profile)},"today":${JSON.stringify(today)},"rails":[${rails.join(',')}]}`;
  return json as ProfileHomeJson;
}

/**
 * Sends a child's home as it is. Not through `res.send`, which would hash the whole answer (about 110 KB) for
 * Express's weak ETag on every request: the answer is `no-store`, so no client keeps it to revalidate, and the
 * hash was a tenth of a child's home's CPU (benchmarks: "Family", the read-path work). Compression and HEAD
 * work as with `send` (both live below `res.end`).
 */
export function sendProfileHome(res: Response, json: ProfileHomeJson): void {
  res.setHeader('Content-Type', 'application/json; charset=utf-8');
  res.end(json);
}
