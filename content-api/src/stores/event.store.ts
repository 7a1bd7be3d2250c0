import { randomUUID } from 'node:crypto';
import type { DocumentCollection, Filter } from '../db/document-store.ts';
import { findInPages } from '../db/find-in-pages.ts';

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

/** Quality-of-experience events from boxes (time to first frame, stalls, switches…). */
export class EventStore {
  constructor(private readonly events: DocumentCollection<PlaybackEventDocument>) {}

  static async createIndexes(events: DocumentCollection<PlaybackEventDocument>): Promise<void> {
    await events.createIndex({ deviceId: 1 });
    await events.createIndex({ receivedAt: 1 });
    // A day's reports are read in _id pages (findInPages: `day = ? AND _id > ? ORDER BY _id`): with (day, _id)
    // each page is a range of this index; an index on day alone sorts the rest of the day for every page.
    await events.createIndex({ day: 1, _id: 1 });
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

  /** Every event of one local day (the daily rollup reads these), in pages. */
  async ofDay(day: string): Promise<PlaybackEventRecord[]> {
    const docs = await findInPages(this.events, { day });
    return docs.map(({ _id: _ignored, ...record }) => record);
  }

  async forDevice(deviceId: string): Promise<PlaybackEventRecord[]> {
    const docs = await this.events.find({ deviceId } as Filter<PlaybackEventDocument>, {
      sort: { receivedAt: 1 },
    });
    return docs.map(({ _id: _ignored, ...record }) => record);
  }
}
