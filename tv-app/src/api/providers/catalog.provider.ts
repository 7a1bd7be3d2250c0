// Catalogue reads: facets, textbooks, lessons.
import { codecsQuery } from '../../player/box-profile.ts';
import { getJson } from '../client.ts';
import type { FacetNode, FacetTree, LessonDetail, LessonPage, LessonSummary, Textbook } from '../types.ts';
import { cached } from './cache.ts';
import { withMediaBase } from '../media-url.ts';

export type LessonQuery = Partial<
  Record<
    | 'stage'
    | 'grade'
    | 'subject'
    | 'edition'
    | 'volume'
    | 'textbook'
    | 'unit'
    | 'section'
    | 'category'
    | 'cursor',
    string
  >
> & { limit?: number };

export function fetchFacets(): Promise<FacetNode[]> {
  return cached('facets', () => getJson<FacetTree>('/v1/facets')).then((body) => body.tree);
}

export function fetchTextbook(id: string): Promise<Textbook> {
  return cached(`textbook:${id}`, () => getJson<Textbook>(`/v1/textbooks/${encodeURIComponent(id)}`));
}

export function fetchLessonPage(query: LessonQuery): Promise<LessonPage> {
  return cached(`lessons:${JSON.stringify(query)}`, () => getJson<LessonPage>('/v1/lessons', query));
}

/** Every lesson of a query, following cursors (bounded: a unit or a textbook, never the whole catalogue). */
export async function fetchAllLessons(query: LessonQuery, maxPages = 10): Promise<LessonSummary[]> {
  const lessons: LessonSummary[] = [];
  let cursor: string | undefined;
  for (let page = 0; page < maxPages; page++) {
    const result = await fetchLessonPage({ ...query, limit: 100, ...(cursor ? { cursor } : {}) });
    lessons.push(...result.items);
    if (!result.nextCursor) break;
    cursor = result.nextCursor;
  }
  return lessons;
}

/** A lesson as the API decided it for this box: its `playback` is what the box plays (the box's codecs sent). */
export async function fetchLesson(id: string): Promise<LessonDetail> {
  const codecs = await codecsQuery();
  return cached(`lesson:${id}:${codecs ?? ''}`, async () => {
    const lesson = await getJson<LessonDetail>(`/v1/lessons/${encodeURIComponent(id)}`, { codecs });
    return lesson.playback ? { ...lesson, playback: withMediaBase(lesson.playback) } : lesson;
  });
}
