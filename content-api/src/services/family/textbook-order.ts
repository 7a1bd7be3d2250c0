import type { LessonIndex } from '../lesson-index.ts';
import type { LessonSummaryRecord } from '../../stores/lesson.store.ts';

/** One volume of one edition, in textbook order, with where each of its lessons sits in it. */
export type VolumeLessons = {
  lessons: readonly LessonSummaryRecord[];
  /** lessonId → its position in `lessons`: a child's records are placed without scanning the volume. */
  positions: ReadonlyMap<string, number>;
};

/** One subject of a grade: edition → volume (in textbook order) → its lessons. */
export type SubjectLessons = ReadonlyMap<string, ReadonlyMap<string, VolumeLessons>>;

/** A grade's textbook lessons: subject (in catalogue order) → its editions and volumes. */
export type GradeTextbooks = ReadonlyMap<string, SubjectLessons>;

/** The most lessons a grade is read with (100k lessons give a few thousand per grade). */
const GRADE_LESSONS_MAX = 20_000;

/** A grade's lessons (in textbook order) grouped by subject, edition and volume. */
export function groupGradeLessons(lessons: readonly LessonSummaryRecord[]): GradeTextbooks {
  const subjects = new Map<string, Map<string, Map<string, LessonSummaryRecord[]>>>();
  for (const lesson of lessons) {
    const placement = lesson.placement;
    if (placement.kind !== 'textbook') continue;
    let editions = subjects.get(placement.subjectId);
    if (!editions) subjects.set(placement.subjectId, (editions = new Map()));
    let volumes = editions.get(placement.editionId);
    if (!volumes) editions.set(placement.editionId, (volumes = new Map()));
    let volume = volumes.get(placement.volumeId);
    if (!volume) volumes.set(placement.volumeId, (volume = []));
    volume.push(lesson);
  }
  const toVolume = (volume: LessonSummaryRecord[]): VolumeLessons => ({
    lessons: volume,
    positions: new Map(volume.map((lesson, index) => [lesson.id, index])),
  });
  return new Map(
    [...subjects].map(([subjectId, editions]) => [
      subjectId,
      new Map(
        [...editions].map(([editionId, volumes]) => [
          editionId,
          new Map([...volumes].map(([volumeId, volume]) => [volumeId, toVolume(volume)])),
        ]),
      ),
    ]),
  );
}

/**
 * Each grade's textbook lessons in order, grouped once per lesson index — that is, once per catalogue revision
 * and region — and per grade when a child of it first asks, not on every child's home (thousands of lessons
 * per grade at 100k). A new revision brings a new index, and the old one's groups go with it.
 */
export class TextbookOrder {
  private readonly grades = new Map<string, GradeTextbooks>();

  constructor(private readonly lessons: Pick<LessonIndex, 'page'>) {}

  grade(gradeId: string): GradeTextbooks {
    let grouped = this.grades.get(gradeId);
    if (!grouped) {
      grouped = groupGradeLessons(this.lessons.page({ gradeId }, { limit: GRADE_LESSONS_MAX }));
      this.grades.set(gradeId, grouped);
    }
    return grouped;
  }
}

const orders = new WeakMap<object, TextbookOrder>();

/** The textbook order of a catalogue view's lesson index, made on first use and kept as long as the index. */
export function textbookOrderOf(lessons: Pick<LessonIndex, 'page'>): TextbookOrder {
  let order = orders.get(lessons);
  if (!order) {
    order = new TextbookOrder(lessons);
    orders.set(lessons, order);
  }
  return order;
}
