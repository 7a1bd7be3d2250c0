/** What an import needs of a lesson: its id, its titles, and how long it runs (an end left blank). */
export type LessonRef = { id: string; title: { zh: string; en?: string }; durationSeconds: number };

export type LessonLookup = {
  byId(id: string): LessonRef | undefined;
  /** Every lesson whose Chinese or English title is this one (spaces and case aside). */
  byTitle(title: string): LessonRef[];
};

const normalizeTitle = (title: string) => title.replace(/\s+/g, '').toLowerCase();

/** Looks lessons up among those a channel may air (its grades' lessons): by id, or by title. */
export function createLessonLookup(lessons: Iterable<LessonRef>): LessonLookup {
  const byId = new Map<string, LessonRef>();
  const byTitle = new Map<string, LessonRef[]>();
  for (const lesson of lessons) {
    byId.set(lesson.id, lesson);
    const titles = new Set([lesson.title.zh, lesson.title.en].filter(Boolean).map((t) => normalizeTitle(t!)));
    for (const title of titles) byTitle.set(title, [...(byTitle.get(title) ?? []), lesson]);
  }
  return {
    byId: (id) => byId.get(id),
    byTitle: (title) => byTitle.get(normalizeTitle(title)) ?? [],
  };
}

export const hasTitle = (lesson: LessonRef, title: string): boolean =>
  [lesson.title.zh, lesson.title.en].some((own) => own && normalizeTitle(own) === normalizeTitle(title));
