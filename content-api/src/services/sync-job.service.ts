import { randomUUID } from 'node:crypto';
import type { Logger } from 'pino';
import { ConflictError, NotFoundError } from '../errors.ts';
import type { Stores } from '../stores/stores.ts';
import { requireAbility, type Principal } from './auth.service.ts';
import type { RevisionTracker } from './revision-tracker.ts';
import { DEFAULT_SYNC_WORKERS, syncCatalogue, type SyncProgress } from './sync/catalogue-sync.ts';
import { countUpstreamTextbooks } from './sync/count-upstream.ts';
import type { SyncReport } from './sync/sync-report.ts';

export type SyncJob = {
  id: string;
  from: string;
  startedBy: string;
  status: 'running' | 'succeeded' | 'failed';
  startedAt: string;
  finishedAt?: string;
  progress: SyncProgress;
  report?: SyncReport;
  error?: string;
};

const KEPT_JOBS = 20;

/** The catalogue sync as an operator job: one at a time, its status, progress and report kept in memory. */
export class SyncJobService {
  private readonly jobs = new Map<string, SyncJob>();
  private running: SyncJob | undefined;

  constructor(
    private readonly stores: Stores,
    private readonly revisions: RevisionTracker,
    private readonly logger: Logger,
  ) {}

  start(by: Principal, from: string): SyncJob {
    requireAbility(by, 'sync');
    if (this.running) throw new ConflictError(`sync job ${this.running.id} is still running`);
    const job: SyncJob = {
      id: randomUUID(),
      from,
      startedBy: by.actor,
      status: 'running',
      startedAt: new Date().toISOString(),
      progress: { done: 0 },
    };
    this.running = job;
    this.jobs.set(job.id, job);
    for (const id of [...this.jobs.keys()].slice(0, Math.max(0, this.jobs.size - KEPT_JOBS)))
      this.jobs.delete(id);
    void this.run(job);
    return job;
  }

  get(by: Principal, id: string): SyncJob {
    requireAbility(by, 'readCatalogue');
    const job = this.jobs.get(id);
    if (!job) throw new NotFoundError('sync job', id);
    return job;
  }

  private async run(job: SyncJob): Promise<void> {
    const log = this.logger.child({ jobId: job.id, stage: 'sync' });
    try {
      job.report = await syncCatalogue(this.stores, this.revisions, job.from, {
        workers: DEFAULT_SYNC_WORKERS, // parsing off the thread that answers devices
        expectedTotal: await countUpstreamTextbooks(job.from),
        onProgress: (progress) => (job.progress = progress),
      });
      await this.stores.audit.add({
        actor: job.startedBy,
        action: 'catalogue.sync',
        target: `sync:${job.id}`,
        after: job.report.totals,
      });
      // Finished only now, in the same step that frees the slot: a caller who sees `succeeded` can start
      // the next sync at once (the status used to change before the audit write, while the slot was taken).
      job.status = 'succeeded';
    } catch (error) {
      job.status = 'failed';
      job.error = error instanceof Error ? error.message : String(error);
      log.warn({ err: error }, 'sync job failed');
    } finally {
      job.finishedAt = new Date().toISOString();
      this.running = undefined;
    }
  }
}
