import type { DocumentCollection, Filter } from '../db/document-store.ts';

/** Where one profile is in one lesson, merged over every box of the household. */
export type ProgressRecord = {
  householdId: string;
  profileId: string;
  lessonId: string;
  periodId?: string;
  positionSeconds: number;
  durationSeconds: number;
  watchedSeconds: number;
  rewoundSeconds: number;
  completed: boolean;
  /** When it first became completed (server time), for the week report. */
  completedAt?: string;
  updatedAt: string;
};
type ProgressDocument = ProgressRecord & { _id: string };

export const PROGRESS_COLLECTION = 'progress';
const idOf = (profileId: string, lessonId: string) => `${profileId}|${lessonId}`;
export const toProgressDocument = (record: ProgressRecord): ProgressDocument => ({
  ...record,
  _id: idOf(record.profileId, record.lessonId),
});
const toRecord = ({ _id: _ignored, ...record }: ProgressDocument): ProgressRecord => record;

/** Progress per (profile, lesson). Reads answer all of one profile, or one profile for given lessons. */
export class ProgressStore {
  constructor(private readonly progress: DocumentCollection<ProgressDocument>) {}

  static async createIndexes(progress: DocumentCollection<ProgressDocument>): Promise<void> {
    await progress.createIndex({ profileId: 1, updatedAt: -1 });
  }

  /** Writes (batched with others arriving together when the collection is coalesced); resolves when durable. */
  async saveMany(records: readonly ProgressRecord[]): Promise<void> {
    await this.progress.upsertMany(records.map(toProgressDocument));
  }

  /** Every lesson of one profile, most recent first. */
  async ofProfile(profileId: string): Promise<ProgressRecord[]> {
    const docs = await this.progress.find({ profileId } as Filter<ProgressDocument>, {
      sort: { updatedAt: -1 },
    });
    return docs.map(toRecord);
  }

  /** One profile's progress in these lessons (by _id, so one index lookup each), most recent first. */
  async forLessons(profileId: string, lessonIds: readonly string[]): Promise<ProgressRecord[]> {
    if (lessonIds.length === 0) return [];
    const ids = lessonIds.map((lessonId) => idOf(profileId, lessonId));
    const docs = await this.progress.find({ _id: { $in: ids } } as Filter<ProgressDocument>, {
      sort: { updatedAt: -1 },
    });
    return docs.map(toRecord);
  }

  async deleteProfile(profileId: string): Promise<void> {
    await this.progress.deleteMany({ profileId } as Filter<ProgressDocument>);
  }
}
