import type { z } from 'zod';
import type { EventAccepted, PlaybackEventBody, ProgressListSchema } from '@ketang/contract';
import type { Stores } from '../stores/stores.ts';
import type { CatalogueViews } from './catalogue-view.ts';
import { NotFoundError } from '../errors.ts';
import { toLessonSummary } from './mappers.ts';

const PROGRESS_LIMIT = 30;

/** What boxes write: where a family stopped watching, and playback quality events. */
export class DeviceService {
  constructor(
    private readonly stores: Stores,
    private readonly views: CatalogueViews,
  ) {}

  async saveProgress(
    deviceId: string,
    lessonId: string,
    body: { positionSeconds: number; durationSeconds: number },
  ) {
    const lesson = await this.stores.lessons.get(lessonId);
    if (!lesson) throw new NotFoundError('lesson', lessonId);
    const record = { deviceId, lessonId, ...body, updatedAt: new Date().toISOString() };
    await this.stores.progress.save(record);
    return {
      lessonId,
      positionSeconds: record.positionSeconds,
      durationSeconds: record.durationSeconds,
      updatedAt: record.updatedAt,
    };
  }

  /** Where a device stopped, for the lessons its region still shows. */
  async progress(deviceId: string, region?: string): Promise<z.infer<typeof ProgressListSchema>> {
    const [records, view] = await Promise.all([
      this.stores.progress.forDevice(deviceId, PROGRESS_LIMIT),
      this.views.current(region),
    ]);
    return {
      items: records.flatMap(({ lessonId, positionSeconds, durationSeconds, updatedAt }) => {
        const lesson = view.lessons.get(lessonId);
        return lesson
          ? [{ lessonId, positionSeconds, durationSeconds, updatedAt, lesson: toLessonSummary(lesson, view) }]
          : [];
      }),
    };
  }

  async recordEvent(event: PlaybackEventBody): Promise<EventAccepted> {
    const id = await this.stores.events.add({ ...event, receivedAt: new Date().toISOString() });
    return { accepted: true, id };
  }
}
