import type { CatalogueView } from '../catalogue-view.ts';
import type { LessonRef } from './lesson-lookup.ts';

/**
 * The lessons a channel of these grades may air in a region's view, in textbook order: a grade's lessons, or
 * every lesson for a channel made for every grade (no grade ids). The view is what the draft checks against.
 */
export function gradeLessons(view: CatalogueView, gradeIds: readonly string[]): LessonRef[] {
  const limit = view.lessons.size;
  const found =
    gradeIds.length === 0
      ? view.lessons.page({}, { limit })
      : gradeIds.flatMap((gradeId) => view.lessons.page({ gradeId }, { limit }));
  return found.map((lesson) => ({
    id: lesson.id,
    title: lesson.title,
    durationSeconds: lesson.durationSeconds,
  }));
}
