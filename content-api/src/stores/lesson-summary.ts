import type { LocalizedText, Placement, VideoSource } from '@ketang/catalog';
import type { LessonRecord } from './lesson.store.ts';

/** Fields of the stored lesson a summary is made from: lists read only these. */
export const SUMMARY_FIELDS = [
  'id',
  'title',
  'durationSeconds',
  'thumbnailUrl',
  'teachers',
  'periods',
  'playable',
  'placement',
  'sortKey',
  'providerId',
  'videos', // which packaged asset's poster pictures the lesson
] as const;

/** The stored fields a summary is made from. */
export type LessonSummarySource = Pick<LessonRecord, (typeof SUMMARY_FIELDS)[number]>;

/**
 * What lists, rails, search and a child's plan show of a lesson, kept in memory for every active lesson of
 * each catalogue view: ids, keys and small fields only. The video sources, periods and documents stay in the
 * store; a lesson page reads its full record by id.
 */
export type LessonSummaryRecord = {
  id: string;
  title: LocalizedText;
  durationSeconds: number;
  thumbnailUrl?: string;
  teacherNames: readonly string[];
  periodCount: number;
  playable: boolean;
  placement: Placement;
  sortKey: string;
  providerId?: string;
  /** The packaged assets among the lesson's video sources, in their order: whose poster pictures it. */
  packagedAssetIds: readonly string[];
};

const NONE: readonly string[] = Object.freeze([]);

/** The packaged assets among a lesson's video sources, in their order. */
export function packagedAssetIdsOf(videos: readonly VideoSource[]): readonly string[] {
  const ids = videos.flatMap((video) => (video.type === 'packaged' ? [video.assetId] : []));
  return ids.length > 0 ? ids : NONE;
}

/**
 * One copy of each repeated value across the summaries of a catalogue: facet, textbook, unit and provider
 * ids, teacher names, titles and whole placements (every lesson of a unit has the same one). At 100k lessons
 * the long ids of the placements alone were most of the summaries' heap.
 */
export class SharedValues {
  private readonly strings = new Map<string, string>();
  private readonly placements = new Map<string, Placement>();
  private readonly titles = new Map<string, LocalizedText>();

  string<S extends string | undefined>(value: S): S {
    if (value === undefined) return value;
    const known = this.strings.get(value);
    if (known !== undefined) return known as S;
    this.strings.set(value, value);
    return value;
  }

  title(title: LocalizedText): LocalizedText {
    const key = `${title.zh}\u0000${title.en ?? ''}`;
    let known = this.titles.get(key);
    if (!known) this.titles.set(key, (known = title));
    return known;
  }

  placement(placement: Placement): Placement {
    const key =
      placement.kind === 'textbook'
        ? [
            placement.stageId,
            placement.gradeId ?? '',
            placement.subjectId,
            placement.editionId,
            placement.volumeId,
            placement.textbookId,
            ...placement.unitIds,
          ].join('\u0000')
        : `\u0001${placement.sectionId}\u0000${placement.categoryId ?? ''}`;
    let known = this.placements.get(key);
    if (known) return known;
    known =
      placement.kind === 'textbook'
        ? {
            kind: 'textbook',
            stageId: this.string(placement.stageId),
            ...(placement.gradeId === undefined ? {} : { gradeId: this.string(placement.gradeId) }),
            subjectId: this.string(placement.subjectId),
            editionId: this.string(placement.editionId),
            volumeId: this.string(placement.volumeId),
            textbookId: this.string(placement.textbookId),
            unitIds: placement.unitIds.map((id) => this.string(id)),
          }
        : {
            kind: 'section',
            sectionId: this.string(placement.sectionId),
            ...(placement.categoryId === undefined ? {} : { categoryId: this.string(placement.categoryId) }),
          };
    this.placements.set(key, known);
    return known;
  }
}

/**
 * A lesson's summary: the one place that decides what of a stored lesson stays in memory. Pass the same
 * `shared` for every lesson of a catalogue so that repeated values are kept once.
 */
export function toLessonSummaryRecord(
  lesson: LessonSummarySource,
  shared: SharedValues = new SharedValues(),
): LessonSummaryRecord {
  const teacherNames = lesson.teachers.map((teacher) => shared.string(teacher.name));
  return {
    id: lesson.id,
    title: shared.title(lesson.title),
    durationSeconds: lesson.durationSeconds,
    thumbnailUrl: lesson.thumbnailUrl,
    teacherNames: teacherNames.length > 0 ? teacherNames : NONE,
    periodCount: lesson.periods.length,
    playable: lesson.playable,
    placement: shared.placement(lesson.placement),
    sortKey: lesson.sortKey,
    providerId: shared.string(lesson.providerId),
    packagedAssetIds: packagedAssetIdsOf(lesson.videos),
  };
}
