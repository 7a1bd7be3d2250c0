import type { Lesson, UnplayableReason } from '@ketang/catalog';
import type { DocumentCollection, Filter } from '../db/document-store.ts';
import { fromStored, RecordStore, type StoredRecord } from './record-store.ts';

/** A lesson as stored: the model record plus what device queries need, derived when it is written. */
export type LessonDocument = StoredRecord<Lesson> & {
  /** Textbook order across the whole catalogue; unique; the pagination key. */
  sortKey: string;
  playable: boolean;
  unplayableReason?: UnplayableReason;
};
export type LessonRecord = Omit<LessonDocument, '_id'>;

/** A retired lesson is hidden from devices and can never play; its record is kept. */
const RETIRED: Partial<LessonDocument> = { status: 'retired', playable: false, unplayableReason: 'retired' };

export type LessonQuery = {
  stageId?: string;
  gradeId?: string;
  subjectId?: string;
  editionId?: string;
  volumeId?: string;
  textbookId?: string;
  unitId?: string;
  sectionId?: string;
  categoryId?: string;
  playable?: boolean;
};

const INDEXED_FIELDS = [
  'placement.textbookId',
  'placement.sectionId',
  'placement.unitIds',
  'videos.assetId',
] as const;

/** Fields a lesson summary needs: lists read only these. */
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
export type LessonSummaryRecord = Pick<LessonRecord, (typeof SUMMARY_FIELDS)[number]>;

export class LessonStore extends RecordStore<LessonRecord> {
  constructor(private readonly lessons: DocumentCollection<LessonDocument>) {
    super(lessons);
  }

  /**
   * Only what the store is asked by: devices read lists from the in-memory lesson index of each revision, so
   * the store needs the sync's and operators' lookups (by textbook, section, unit and asset), not one index per
   * facet (each index costs every write of a sync).
   */
  static async createIndexes(lessons: DocumentCollection<LessonDocument>): Promise<void> {
    for (const field of INDEXED_FIELDS) await lessons.createIndex({ [field]: 1 });
  }

  /** Every active lesson's summary fields: the source of the in-memory facet counts and search index. */
  async allSummaries(): Promise<LessonSummaryRecord[]> {
    const docs = await this.lessons.find({ status: 'active' } as Filter<LessonDocument>, {
      fields: SUMMARY_FIELDS,
    });
    return docs.map((doc) => fromStored(doc) as LessonSummaryRecord);
  }

  /** Every lesson (retired ones too) placed in a textbook or a section: what a sync compares a batch with. */
  async placedIn(target: 'textbook' | 'section', id: string): Promise<LessonRecord[]> {
    const field = target === 'textbook' ? 'placement.textbookId' : 'placement.sectionId';
    return (await this.lessons.find({ [field]: id } as Filter<LessonDocument>)).map(fromStored);
  }

  /** Retires the active lessons of the given textbooks or sections; answers how many. */
  async retirePlacedIn(target: 'textbook' | 'section', ids: readonly string[]): Promise<number> {
    if (ids.length === 0) return 0;
    const field = target === 'textbook' ? 'placement.textbookId' : 'placement.sectionId';
    return this.lessons.updateMany(
      { [field]: { $in: [...ids] }, status: 'active' } as Filter<LessonDocument>,
      {
        $set: RETIRED,
      },
    );
  }

  async retire(ids: readonly string[]): Promise<number> {
    if (ids.length === 0) return 0;
    return this.lessons.updateMany({ _id: { $in: [...ids] } } as Filter<LessonDocument>, { $set: RETIRED });
  }

  async withAsset(assetId: string): Promise<LessonRecord[]> {
    const docs = await this.lessons.find({ 'videos.assetId': assetId } as Filter<LessonDocument>);
    return docs.map(fromStored);
  }
}
