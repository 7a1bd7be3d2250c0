import type { Lesson, UnplayableReason } from '@ketang/catalog';
import type { DocumentCollection, Filter } from '../db/document-store.ts';
import {
  SharedValues,
  SUMMARY_FIELDS,
  toLessonSummaryRecord,
  type LessonSummaryRecord,
  type LessonSummarySource,
} from './lesson-summary.ts';
import { fromStored, RecordStore, type StoredRecord } from './record-store.ts';

// The in-memory summary is defined beside its mapper; services and the family plans import it from here.
export type { LessonSummaryRecord } from './lesson-summary.ts';

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

/** Lessons read a statement when building summaries (as the embedded store's unbounded reads). */
const SUMMARY_PAGE = 500;

const INDEXED_FIELDS = [
  'placement.textbookId',
  'placement.sectionId',
  'placement.unitIds',
  'videos.assetId',
] as const;

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

  /**
   * Every active lesson's summary: the source of the in-memory lesson index, facet counts and search index.
   * Read a page at a time by `_id` (the primary key in every backend), each page shrunk to summaries before
   * the next is read, so the stored fields (video sources, periods) of all lessons are never held at once.
   */
  async allSummaries(): Promise<LessonSummaryRecord[]> {
    const shared = new SharedValues();
    const summaries: LessonSummaryRecord[] = [];
    let after: string | undefined;
    for (;;) {
      const filter = after === undefined ? { status: 'active' } : { status: 'active', _id: { $gt: after } };
      const docs = await this.lessons.find(filter as Filter<LessonDocument>, {
        fields: SUMMARY_FIELDS,
        sort: { _id: 1 },
        limit: SUMMARY_PAGE,
      });
      for (const doc of docs) summaries.push(toLessonSummaryRecord(doc as LessonSummarySource, shared));
      if (docs.length < SUMMARY_PAGE) return summaries;
      after = docs.at(-1)!._id;
    }
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
