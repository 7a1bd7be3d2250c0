import type { Logger } from 'pino';
import type { UploadServer } from './upload-server.ts';

/** Uploads removed per sweep at the most: a sweep is a short, bounded piece of work; the next takes the rest. */
export const UPLOADS_PER_SWEEP = 100;
const HOUR_MS = 3_600_000;

export type UploadRetentionOptions = {
  /** An upload is removed this long after it was created, unless a queued or running job holds it. */
  expiryMs: number;
  logger: Logger;
  clock?: () => Date;
};

/**
 * Keeps the uploads folder bounded: an upload abandoned part-way, one never packaged, or one whose job failed
 * (kept so that the job can be started again) is removed once it has expired. A packaged upload is removed by
 * its job at once (packaging-jobs.service.ts). Sweeps at start, then every hour or every expiry, if sooner.
 */
export class UploadRetention {
  private timer: NodeJS.Timeout | undefined;
  private sweeping: Promise<number> | undefined;
  private readonly clock: () => Date;

  constructor(
    private readonly uploads: UploadServer,
    /** The uploads a queued or running job still needs. */
    private readonly inUse: () => Promise<ReadonlySet<string>>,
    private readonly options: UploadRetentionOptions,
  ) {
    this.clock = options.clock ?? (() => new Date());
  }

  /** Removes expired uploads no job holds, at most UPLOADS_PER_SWEEP; one sweep at a time. */
  sweep(): Promise<number> {
    this.sweeping ??= this.removeExpired().finally(() => (this.sweeping = undefined));
    return this.sweeping;
  }

  start(): void {
    const run = () =>
      void this.sweep().catch((error: unknown) =>
        this.options.logger.warn({ err: error }, 'upload sweep failed; retrying later'),
      );
    run();
    this.timer = setInterval(run, Math.min(HOUR_MS, this.options.expiryMs));
    this.timer.unref();
  }

  stop(): void {
    clearInterval(this.timer);
    this.timer = undefined;
  }

  private async removeExpired(): Promise<number> {
    const cutoff = new Date(this.clock().getTime() - this.options.expiryMs);
    const held = await this.inUse();
    const expired = (await this.uploads.createdBefore(cutoff, UPLOADS_PER_SWEEP + held.size)).filter(
      (id) => !held.has(id),
    );
    const removed = expired.slice(0, UPLOADS_PER_SWEEP);
    for (const id of removed) await this.uploads.remove(id);
    if (removed.length) this.options.logger.info({ uploads: removed.length }, 'removed expired uploads');
    return removed.length;
  }
}
