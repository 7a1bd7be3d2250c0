import type { DocumentCollection, Filter } from '../db/document-store.ts';

export type ProgressRecord = {
  deviceId: string;
  lessonId: string;
  positionSeconds: number;
  durationSeconds: number;
  updatedAt: string;
};
type ProgressDocument = ProgressRecord & { _id: string };

/** Where each device stopped in each lesson: the "continue watching" rail. */
export class ProgressStore {
  constructor(private readonly progress: DocumentCollection<ProgressDocument>) {}

  static async createIndexes(progress: DocumentCollection<ProgressDocument>): Promise<void> {
    await progress.createIndex({ deviceId: 1 });
  }

  async save(record: ProgressRecord): Promise<void> {
    await this.progress.upsertMany([{ ...record, _id: `${record.deviceId}|${record.lessonId}` }]);
  }

  async forDevice(deviceId: string, limit: number): Promise<ProgressRecord[]> {
    const docs = await this.progress.find({ deviceId } as Filter<ProgressDocument>, {
      sort: { updatedAt: -1 },
      limit,
    });
    return docs.map(({ _id: _ignored, ...record }) => record);
  }
}
