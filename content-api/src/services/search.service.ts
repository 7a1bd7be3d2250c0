import type { z } from 'zod';
import type { SearchResultSchema } from '@ketang/contract';
import type { CatalogueViews } from './catalogue-view.ts';
import { toLessonSummary } from './mappers.ts';

const SUBJECT_LIMIT = 5;

/** Search over lesson titles and subject names: Chinese substrings, full pinyin and pinyin initials. */
export class SearchService {
  constructor(private readonly views: CatalogueViews) {}

  async search(
    query: string,
    limit: number,
    region?: string,
    preview?: string,
  ): Promise<z.infer<typeof SearchResultSchema>> {
    const view = await this.views.current(region, preview);
    return {
      query,
      subjects: view.subjectSearch.search(query, SUBJECT_LIMIT).map(({ id, name }) => ({ id, name })),
      lessons: view.lessonSearch.search(query, limit).map((lesson) => toLessonSummary(lesson, view)),
    };
  }
}
