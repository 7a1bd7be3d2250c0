import { randomUUID } from 'node:crypto';
import type { DocumentCollection, Filter } from '../db/document-store.ts';

export type PlaybackEventRecord = {
  deviceId: string;
  lessonId?: string;
  kind: 'playback';
  /** The box's household, its region and county when received, and its local day (the rollup's day). */
  householdId?: string;
  region?: string;
  county?: string;
  day?: string;
  deviceModel?: string;
  carrier?: string;
  stats: Record<string, number | string | undefined>;
  receivedAt: string;
};
type PlaybackEventDocument = PlaybackEventRecord & { _id: string };
const DAY_PAGE = 2_000;

/** Quality-of-experience events from boxes (time to first frame, stalls, switches…). */
export class EventStore {
  constructor(private readonly events: DocumentCollection<PlaybackEventDocument>) {}

  static async createIndexes(events: DocumentCollection<PlaybackEventDocument>): Promise<void> {
    await events.createIndex({ deviceId: 1 });
    await events.createIndex({ receivedAt: 1 });
    await events.createIndex({ day: 1 });
  }

  /** Deletes events received before `before` (retention); answers how many. */
  async purgeBefore(before: string): Promise<number> {
    return this.events.deleteMany({ receivedAt: { $lt: before } } as Filter<PlaybackEventDocument>);
  }

  async add(event: PlaybackEventRecord): Promise<string> {
    const id = randomUUID();
    await this.events.upsertMany([{ ...event, _id: id }]);
    return id;
  }

  /**
   * Every event of one local day (the daily rollup reads these), a page of DAY_PAGE per statement in _id
   * order, so a day of 100k reports neither holds the event loop nor re-walks the table per chunk.
   */
  async ofDay(day: string): Promise<PlaybackEventRecord[]> {
    const records: PlaybackEventRecord[] = [];
    for (let after = ''; ;) {
      const page = await this.events.find({ day, _id: { $gt: after } } as Filter<PlaybackEventDocument>, {
        sort: { _id: 1 },
        limit: DAY_PAGE,
      });
      for (const { _id, ...record } of page) records.push(record);
      if (page.length < DAY_PAGE) return records;
      after = page.at(-1)!._id;
    }
  }

  async forDevice(deviceId: string): Promise<PlaybackEventRecord[]> {
    const docs = await this.events.find({ deviceId } as Filter<PlaybackEventDocument>, {
      sort: { receivedAt: 1 },
    });
    return docs.map(({ _id: _ignored, ...record }) => record);
  }
}
