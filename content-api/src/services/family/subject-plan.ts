import type { LessonSummaryRecord } from '../../stores/lesson.store.ts';
import type { TeachingWeek } from './teaching-week.ts';
import type { SubjectLessons, VolumeLessons } from './textbook-order.ts';

/** What the planner knows of the child's watching of one lesson (docs/family.md `LessonProgress`). */
export type LessonProgressLike = {
  lessonId: string;
  positionSeconds: number;
  durationSeconds: number;
  watchedSeconds: number;
  rewoundSeconds: number;
  completed: boolean;
  updatedAt: string;
};

export type Weakness = 'low-completion' | 'abandoned' | 'rewound';

/** One subject of the child's grade: the volume of the term in the child's edition, and how it is going. */
export type SubjectPlan = {
  subjectId: string;
  editionId: string;
  /** This teaching week's lesson: its position in the volume follows the week over the term's weeks. */
  thisWeek?: LessonSummaryRecord;
  /** The lesson after the furthest one completed, not yet completed. */
  next?: LessonSummaryRecord;
  /** Completed share of the lessons due before this week (1 when none are due). */
  completion: number;
  weakness?: Weakness;
};

/** An unfinished lesson untouched this long was abandoned. */
const ABANDONED_AFTER_MS = 3 * 86_400_000;
/** Below this share of the due lessons completed, a subject is behind. */
const LOW_COMPLETION = 0.5;
/** Rewinding this share of what was watched (over at least five minutes) means the child found it hard. */
const OFTEN_REWOUND = 0.25;
const REWIND_EVIDENCE_SECONDS = 300;

/** The child's edition, else the region's usual one, else the first the catalogue has for the grade. */
function pickEdition(
  editions: ReadonlyMap<string, unknown>,
  wanted: (string | undefined)[],
): string | undefined {
  return wanted.find((id) => id !== undefined && editions.has(id)) ?? editions.keys().next().value;
}

/** Autumn reads a grade's first volume (上册), spring its second (下册); a grade with one volume reads it. */
function termVolume(volumes: readonly VolumeLessons[], week: TeachingWeek | undefined): VolumeLessons {
  const wanted = week?.semester === 'spring' ? 1 : 0;
  return volumes[Math.min(wanted, volumes.length - 1)] ?? { lessons: [], positions: new Map() };
}

function weaknessOf(
  completion: number,
  records: readonly LessonProgressLike[],
  hasAnyProgress: boolean,
  now: Date,
): Weakness | undefined {
  // A child who has not started anything yet is not behind: the plain weekly reasons say enough.
  if (hasAnyProgress && completion < LOW_COMPLETION) return 'low-completion';
  const isAbandoned = (record: LessonProgressLike) =>
    !record.completed &&
    record.positionSeconds > 0 &&
    now.getTime() - Date.parse(record.updatedAt) >= ABANDONED_AFTER_MS;
  if (records.some(isAbandoned)) return 'abandoned';
  const watched = records.reduce((sum, record) => sum + record.watchedSeconds, 0);
  const rewound = records.reduce((sum, record) => sum + record.rewoundSeconds, 0);
  if (watched >= REWIND_EVIDENCE_SECONDS && rewound / watched >= OFTEN_REWOUND) return 'rewound';
  return undefined;
}

export type SubjectPlanInput = {
  subjectId: string;
  editions: SubjectLessons;
  wantedEditions: (string | undefined)[];
  week: TeachingWeek | undefined;
  progress: ReadonlyMap<string, LessonProgressLike>;
  /** The child's records for lessons of this subject (any edition or volume). */
  subjectRecords: readonly LessonProgressLike[];
  now: Date;
};

/**
 * One subject's plan from the child's records of it: the volume's precomputed positions place each record, so
 * the work follows the child's progress, not the volume's length.
 */
export function planSubject(input: SubjectPlanInput): SubjectPlan | undefined {
  const editionId = pickEdition(input.editions, input.wantedEditions);
  if (!editionId) return undefined;
  const volume = termVolume([...input.editions.get(editionId)!.values()], input.week);
  const lessons = volume.lessons;
  const isDone = (lesson: LessonSummaryRecord) => input.progress.get(lesson.id)?.completed === true;
  // Week w of W starts at the share (w − 1) / W of the volume.
  const target = input.week ? Math.floor(((input.week.week - 1) * lessons.length) / input.week.weeks) : 0;
  let furthest = -1;
  let doneBeforeTarget = 0;
  for (const record of input.subjectRecords) {
    const position = volume.positions.get(record.lessonId);
    if (position === undefined || !record.completed) continue;
    furthest = Math.max(furthest, position);
    if (position < target) doneBeforeTarget += 1;
  }
  const completion = target === 0 ? 1 : doneBeforeTarget / target;
  const firstNotDone = (from: number) => {
    let index = from;
    while (index < lessons.length && isDone(lessons[index]!)) index += 1;
    return lessons[index];
  };
  return {
    subjectId: input.subjectId,
    editionId,
    thisWeek: input.week ? firstNotDone(target) : undefined,
    next: firstNotDone(furthest + 1),
    completion,
    weakness: weaknessOf(completion, input.subjectRecords, input.progress.size > 0, input.now),
  };
}
