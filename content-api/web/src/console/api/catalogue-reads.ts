// The catalogue reads the console shares with the boxes (device routes; an operator's browser may call them).
import type { components } from '../../shared/api/openapi.gen.ts';
import { api, dataOf } from './client.ts';

export type LessonSummary = components['schemas']['LessonSummary'];
export type FacetNode = components['schemas']['FacetNode'];
/** A grade to pick, with its stage's name: grades repeat across stages and school systems (一年级 in 小学 and in
 * 小学（五•四学制）). */
export type GradeOption = { id: string; name: Text; stage?: Text };
type Text = components['schemas']['Text'];

/** Every grade in the region's facet tree, once each, in tree order, with the stage it sits under. */
export function gradesOf(tree: readonly FacetNode[]): GradeOption[] {
  const seen = new Map<string, GradeOption>();
  const visit = (nodes: readonly FacetNode[], stage: Text | undefined) => {
    for (const node of nodes) {
      if (node.kind === 'grade' && !seen.has(node.id))
        seen.set(node.id, { id: node.id, name: node.name, ...(stage && { stage }) });
      visit(node.children, node.kind === 'stage' ? node.name : stage);
    }
  };
  visit(tree, undefined);
  return [...seen.values()];
}

export async function loadFacets(region: string): Promise<FacetNode[]> {
  return (await dataOf(api.GET('/v1/facets', { params: { query: { region } } }))).tree;
}

/** Lessons for a channel's grade; with words, a title/pinyin search narrowed to that grade. */
export async function findLessons(region: string, gradeId: string, words: string): Promise<LessonSummary[]> {
  const query = words.trim();
  if (query) {
    const found = await dataOf(api.GET('/v1/search', { params: { query: { q: query, region, limit: 50 } } }));
    return found.lessons.filter((lesson) => !gradeId || lesson.grade?.id === gradeId);
  }
  const page = await dataOf(
    api.GET('/v1/lessons', {
      params: { query: { region, limit: 50, ...(gradeId ? { grade: gradeId } : {}) } },
    }),
  );
  return page.items;
}
