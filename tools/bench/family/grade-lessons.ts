import type { Catalogue, Lesson } from '@ketang/catalog';

/** One grade's textbook lessons as a child follows them: per subject, the first textbook's, in order. */
export type GradeLessons = { gradeId: string; subjects: Lesson[][] };

/**
 * Every grade of the catalogue with lessons, each subject read from its first textbook (by textbook order,
 * then id): the book a child of that grade works through this term.
 */
export function gradeLessonsOf(catalogue: Catalogue): GradeLessons[] {
  const textbooks = new Map(catalogue.textbooks.map((textbook) => [textbook.id, textbook]));
  const bySubject = new Map<string, Map<string, Lesson[]>>(); // grade → subject → lessons of its first book
  const firstBook = new Map<string, string>(); // grade|subject → textbook id
  const sorted = [...catalogue.textbooks].sort((a, b) => a.order - b.order || a.id.localeCompare(b.id));
  for (const textbook of sorted) {
    const key = `${textbook.gradeId}|${textbook.subjectId}`;
    if (textbook.gradeId && !firstBook.has(key)) firstBook.set(key, textbook.id);
  }
  for (const lesson of catalogue.lessons) {
    const placement = lesson.placement;
    if (placement.kind !== 'textbook' || !placement.gradeId || lesson.status !== 'active') continue;
    const book = textbooks.get(placement.textbookId);
    if (!book || firstBook.get(`${placement.gradeId}|${placement.subjectId}`) !== book.id) continue;
    const subjects = bySubject.get(placement.gradeId) ?? new Map<string, Lesson[]>();
    bySubject.set(placement.gradeId, subjects);
    const lessons = subjects.get(placement.subjectId) ?? [];
    subjects.set(placement.subjectId, lessons);
    lessons.push(lesson);
  }
  return [...bySubject].map(([gradeId, subjects]) => ({
    gradeId,
    subjects: [...subjects.values()].map((lessons) => lessons.sort((a, b) => a.order - b.order)),
  }));
}

export { seededRandom } from '../shared/seeded-random.ts';
