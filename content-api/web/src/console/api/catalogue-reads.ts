// The catalogue reads the console shares with the boxes (device routes; an operator's browser may call them).
import type { components } from '../../shared/api/openapi.gen.ts';
import { api, dataOf } from './client.ts';

export type LessonSummary = components['schemas']['LessonSummary'];
export type FacetNode = components['schemas']['FacetNode'];
export type GradeOption = { id: string; name: components['schemas']['Text'] };

/** Every grade in the region's facet tree, once each, in tree order. */
export function gradesOf(tree: readonly FacetNode[]): GradeOption[] {
  const seen = new Map<string, GradeOption>();
  const visit = (nodes: readonly FacetNode[]) => {
    for (const node of nodes) {
      if (node.kind === 'grade' && !seen.has(node.id)) seen.set(node.id, { id: node.id, name: node.name });
      visit(node.children);
    }
  };
  visit(tree);
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
