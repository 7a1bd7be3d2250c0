import type { Request, Response } from 'express';
import type { Controls, Profile, Rail, TodayItem } from '@ketang/contract';
import type { ProgressRecord } from '../../stores/progress.store.ts';
import type { LessonIndex } from '../lesson-index.ts';
import { isLessonAllowed } from './controls.ts';
import { plainText, splicedGzip, type AnswerPieces, type DeflatedText } from './spliced-gzip.ts';

/**
 * A `ProfileHome` (docs/family.md) already serialised, in pieces: the child's own parts made per request, the
 * grade's catalogue rails kept (text and deflated) per catalogue view, layout and grade.
 */
export type ProfileHomeAnswer = { readonly pieces: AnswerPieces };

/**
 * A rail serialised once: whole, and its fields up to the items with each item apart, for a child whose
 * allow-list keeps only some of them. A grade's rails are the same for every child of the grade and make up
 * most of the answer (about 100 KB at 100k lessons): the tiles carry no progress (the answer's `progress`
 * does), so a child without an allow-list gets them as they are.
 */
export type RailJson = {
  rail: Rail;
  json: string;
  head: string;
  items: readonly string[];
};

export function toRailJson(rail: Rail): RailJson {
  const { items, ...fields } = rail;
  const head = `${JSON.stringify(fields).slice(0, -1)},"items":[`;
  const itemJson = items.map((item) => JSON.stringify(item));
  return { rail, json: `${head}${itemJson.join(',')}]}`, head, items: itemJson };
}

/** The lessons of a rail's tiles (a lessons rail's), whose progress the answer carries. */
export function tileLessonIds(rail: Rail): string[] {
  return rail.kind === 'lessons' ? rail.items.map((item) => item.id) : [];
}

/**
 * A rail as the child sees it: only what the allow-list lets through (`isLessonAllowed`, the one decision);
 * undefined when nothing is left, as an empty rail is dropped.
 */
export function renderRailForProfile(
  railJson: RailJson,
  lessons: Pick<LessonIndex, 'get'>,
  controls: Pick<Controls, 'allowList'>,
): string | undefined {
  const list = controls.allowList;
  if (!list) return railJson.json;
  const rail = railJson.rail;
  const isAllowed = (lessonId: string) => {
    const lesson = lessons.get(lessonId);
    return lesson !== undefined && isLessonAllowed(controls, lesson);
  };
  const parts: string[] = [];
  rail.items.forEach((item, index) => {
    const json = railJson.items[index]!;
    if (rail.kind === 'lessons') {
      if (isAllowed((item as { id: string }).id)) parts.push(json);
    } else if (rail.kind === 'sections') {
      if (list.sectionIds.includes((item as { id: string }).id)) parts.push(json);
    } else {
      const lessonOnAir = (item as { now?: { lesson: { id: string } } }).now?.lesson.id;
      if (!lessonOnAir || isAllowed(lessonOnAir)) parts.push(json);
    }
  });
  return parts.length > 0 ? `${railJson.head}${parts.join(',')}]}` : undefined;
}

/** The child's progress of the lessons on the rails' tiles, by lesson id (`ProfileHome.progress`). */
export function tileProgressJson(
  records: readonly ProgressRecord[],
  isOnTile: (lessonId: string) => boolean,
): string {
  const entries = records.flatMap((record) => {
    if (!isOnTile(record.lessonId)) return [];
    const { positionSeconds, durationSeconds, completed } = record;
    return [
      `${JSON.stringify(record.lessonId)}:${JSON.stringify({ positionSeconds, durationSeconds, completed })}`,
    ];
  });
  return `{${entries.join(',')}}`;
}

/**
 * The answer's pieces in order: the profile and today's lessons, the rails (each piece one rail or a run of
 * rails, text or kept), then the progress of the tiles.
 */
export function renderProfileHome(
  profile: Profile,
  today: readonly TodayItem[],
  rails: readonly (string | DeflatedText)[],
  progressJson: string,
): ProfileHomeAnswer {
  const pieces: (string | DeflatedText)[] = [
    `{"profile":${JSON.stringify(profile)},"today":${JSON.stringify(today)},"rails":[`,
  ];
  rails.forEach((rail, index) => {
    if (index > 0) pieces.push(',');
    pieces.push(rail);
  });
  pieces.push(`],"progress":${progressJson}}`);
  return { pieces };
}

/**
 * Sends a child's home. Gzipped here when the box accepts it, the kept rails spliced in already compressed
 * (the compression middleware leaves an answer with a Content-Encoding alone): compressing the whole ~110 KB
 * answer per request was the largest part of its CPU (benchmarks: "Family"). Not through `res.send`, which
 * would hash the answer for a weak ETag: it is `no-store`, so no client keeps it to revalidate. HEAD works as
 * with `send` (the body is dropped below `res.end`).
 */
export function sendProfileHome(req: Request, res: Response, answer: ProfileHomeAnswer): void {
  res.setHeader('Content-Type', 'application/json; charset=utf-8');
  res.vary('Accept-Encoding');
  if (req.acceptsEncodings('gzip', 'identity') === 'gzip') {
    res.setHeader('Content-Encoding', 'gzip');
    res.end(splicedGzip(answer.pieces));
    return;
  }
  res.end(plainText(answer.pieces));
}
