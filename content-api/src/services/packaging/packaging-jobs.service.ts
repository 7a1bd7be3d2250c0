import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { CODEC_FAMILIES, type CodecFamily } from '@ketang/catalog';
import type { CreatePackagingJobBody, PackagingJob } from '@ketang/contract';
import type { Logger } from 'pino';
import { ConflictError, NotFoundError, UnknownReferenceError } from '../../errors.ts';
import type { Stores } from '../../stores/stores.ts';
import type { AssetService } from '../asset.service.ts';
import { requireAbility, type Principal } from '../auth.service.ts';
import type { CurationService } from '../curation.service.ts';
import { ladderFor } from './job-ladder.ts';
import { PackagingJobStore } from './packaging-job.store.ts';
import { PackagingRun, type PackagingOutcome } from './packaging-runner.ts';
import { UploadRetention } from './upload-retention.ts';
import type { UploadServer } from './upload-server.ts';

/** Progress is written to the store at most this often; GET reads the running job from memory. */
const PROGRESS_SAVE_MS = 1_000;
const LIST_LIMIT = 100;
export const RESTART_REASON = 'the API stopped while this job was running; start it again';

export type PackagingDeps = {
  stores: Stores;
  uploads: UploadServer;
  assets: AssetService;
  curation: CurationService;
  logger: Logger;
  /** Where assets are published (served at /media/) and where the packager keeps its job folders. */
  mediaDir: string;
  jobsDir: string;
  /** How long an upload no job holds is kept (upload-retention.ts). */
  uploadExpiryMs: number;
};

/**
 * Packaging jobs (docs/console.md): one at a time, in the order they were asked for, each in a child process
 * (packaging-runner.ts). A job's record says its state, its progress, its quality report and, when it failed,
 * why. On success the asset is registered and, when the job names a lesson, attached to it.
 */
export class PackagingJobService {
  private readonly jobs: PackagingJobStore;
  private readonly queue: string[] = [];
  private current?: { job: PackagingJob; run?: PackagingRun; principal: Principal; savedAt: number };
  private isStopped = false;
  readonly uploadRetention: UploadRetention;

  constructor(private readonly deps: PackagingDeps) {
    this.jobs = new PackagingJobStore(deps.stores.backend.collection('packaging_jobs'));
    this.uploadRetention = new UploadRetention(deps.uploads, () => this.uploadsInUse(), {
      expiryMs: deps.uploadExpiryMs,
      logger: deps.logger,
    });
  }

  /**
   * After a restart: a job that was running has failed (its process is gone); queued ones run again, on behalf
   * of whoever asked (as a curator: the roles that may package may all attach a packaged asset to a lesson).
   * Then expired uploads are swept, now and periodically.
   */
  async recover(): Promise<void> {
    for (const job of await this.jobs.inState(['running'])) {
      await this.jobs.put({ ...job, state: 'failed', error: RESTART_REASON, finishedAt: now() });
    }
    for (const job of await this.jobs.inState(['queued']))
      this.enqueue(job.id, { actor: job.createdBy, role: 'curator' });
    this.uploadRetention.start();
  }

  /** The uploads a queued or running job still reads. */
  async uploadsInUse(): Promise<Set<string>> {
    const jobs = await this.jobs.inState(['queued', 'running']);
    return new Set(jobs.map((job) => job.uploadId));
  }

  async create(by: Principal, body: CreatePackagingJobBody): Promise<PackagingJob> {
    requireAbility(by, 'package');
    const upload = await this.deps.uploads.complete(body.uploadId);
    if ('problem' in upload) {
      if (upload.problem === 'unknown')
        throw new UnknownReferenceError(`upload "${body.uploadId}" does not exist`, [
          { path: 'body.uploadId', message: 'unknown upload' },
        ]);
      throw new ConflictError(`upload "${body.uploadId}" has not received all its bytes yet`, [
        { path: 'body.uploadId', message: 'upload not finished' },
      ]);
    }
    const lessonTitle = body.lessonId ? await this.lessonTitle(body.lessonId) : undefined;
    if (body.lessonId && !lessonTitle) {
      throw new UnknownReferenceError(`lesson "${body.lessonId}" does not exist`, [
        { path: 'body.lessonId', message: 'unknown lesson' },
      ]);
    }
    const id = randomUUID();
    const families = orderedFamilies(body.families);
    const job: PackagingJob = {
      id,
      uploadId: upload.id,
      fileName: upload.fileName,
      ...(body.lessonId && lessonTitle ? { lessonId: body.lessonId, lessonTitle } : {}),
      assetId: `pkg-${id.slice(0, 8)}${id.slice(9, 13)}`,
      families,
      ...(body.heights ? { heights: [...new Set(body.heights)].sort((a, b) => a - b) } : {}),
      state: 'queued',
      createdBy: by.actor,
      createdAt: now(),
      progress: { stage: 'queued', percent: 0 },
    };
    await this.jobs.put(job);
    await this.deps.stores.audit.add({
      actor: by.actor,
      action: 'packaging.job.create',
      target: `packaging-job:${id}`,
      after: job,
    });
    this.enqueue(id, by);
    return job;
  }

  async get(by: Principal, id: string): Promise<PackagingJob> {
    requireAbility(by, 'package');
    if (this.current?.job.id === id) return this.current.job;
    const job = await this.jobs.get(id);
    if (!job) throw new NotFoundError('packaging job', id);
    return job;
  }

  async list(by: Principal): Promise<PackagingJob[]> {
    requireAbility(by, 'package');
    const jobs = await this.jobs.list(LIST_LIMIT);
    return jobs.map((job) => (this.current?.job.id === job.id ? this.current.job : job));
  }

  /** Stops the running job's process (an API shutdown); its record says `running` until the next start. */
  async stop(): Promise<void> {
    this.isStopped = true;
    this.uploadRetention.stop();
    await this.current?.run?.stop();
  }

  private enqueue(id: string, principal: Principal): void {
    this.queue.push(id);
    this.principals.set(id, principal);
    void this.pump();
  }

  private readonly principals = new Map<string, Principal>();

  private async pump(): Promise<void> {
    if (this.current || this.isStopped) return;
    const id = this.queue.shift();
    if (!id) return;
    const principal = this.principals.get(id)!;
    this.principals.delete(id);
    const job = await this.jobs.get(id);
    if (!job || job.state !== 'queued') return void this.pump();
    this.current = { job: { ...job, state: 'running', startedAt: now() }, principal, savedAt: 0 };
    try {
      await this.jobs.put(this.current.job);
      const outcome = await this.run(this.current);
      await this.finish(this.current, outcome);
    } catch (error) {
      if (!this.isStopped) await this.fail(this.current, error);
    } finally {
      this.current = undefined;
      void this.pump();
    }
  }

  private run(current: NonNullable<PackagingJobService['current']>): Promise<PackagingOutcome> {
    const { job } = current;
    const upload = path.join(this.deps.uploads.directory, job.uploadId);
    current.run = new PackagingRun(
      {
        input: upload,
        assetId: job.assetId,
        codecs: job.families,
        ...(job.heights ? { ladder: ladderFor(job.families, job.heights) } : {}),
        outRoot: this.deps.mediaDir,
        jobsRoot: this.deps.jobsDir,
      },
      (stage, fraction) => {
        job.progress = { stage, percent: Math.round(Math.min(1, Math.max(0, fraction)) * 1000) / 10 };
        if (Date.now() - current.savedAt < PROGRESS_SAVE_MS) return;
        current.savedAt = Date.now();
        this.jobs
          .put(job)
          .catch((error: unknown) => this.deps.logger.warn({ err: error }, 'packaging progress'));
      },
    );
    return current.run.outcome;
  }

  private async finish(current: NonNullable<PackagingJobService['current']>, outcome: PackagingOutcome) {
    const { job } = current;
    await this.deps.assets.register(outcome.asset);
    if (job.lessonId) {
      // The curation's licensed source of type `packaged` (its parameter type is an Omit over a union).
      const source = { type: 'packaged', assetId: job.assetId } as Parameters<
        CurationService['attachSource']
      >[2];
      await this.deps.curation.attachSource(current.principal, job.lessonId, source);
    }
    const done: PackagingJob = {
      ...job,
      state: 'done',
      finishedAt: now(),
      progress: { stage: 'done', percent: 100 },
      notes: outcome.notes,
      quality: outcome.report.renditions.map((rendition) => ({
        id: rendition.id,
        family: rendition.family,
        height: rendition.height,
        averageKbps: Math.round(rendition.segments.measuredAverageBps / 100) / 10,
        ...(rendition.ssim !== undefined ? { ssim: rendition.ssim } : {}),
        ...(rendition.psnr !== undefined ? { psnr: rendition.psnr } : {}),
      })),
    };
    current.job = done;
    await this.jobs.put(done);
    await this.releaseUpload(done.uploadId);
  }

  /** A packaged upload is of no more use once no other job waits for it: its bytes go at once. */
  private async releaseUpload(uploadId: string): Promise<void> {
    if ((await this.uploadsInUse()).has(uploadId)) return;
    await this.deps.uploads
      .remove(uploadId)
      .catch((error: unknown) => this.deps.logger.warn({ err: error, uploadId }, 'could not remove upload'));
  }

  private async fail(current: NonNullable<PackagingJobService['current']>, error: unknown) {
    const reason = error instanceof Error ? error.message : String(error);
    this.deps.logger.warn({ job: current.job.id, reason }, 'packaging job failed');
    current.job = { ...current.job, state: 'failed', finishedAt: now(), error: reason };
    await this.jobs.put(current.job).catch(() => undefined);
  }

  /** The lesson's title, or undefined when there is no such lesson (imported or a region's own). */
  private async lessonTitle(id: string): Promise<PackagingJob['lessonTitle']> {
    const { lessons, curation } = this.deps.stores;
    return ((await lessons.get(id)) ?? (await curation.localLesson(id)))?.title;
  }
}

const now = () => new Date().toISOString();

/** H.264 first (every box plays it), then the others asked for, in the catalogue's order. */
function orderedFamilies(asked: readonly CodecFamily[] | undefined): CodecFamily[] {
  const wanted = new Set<CodecFamily>(['h264', ...(asked ?? CODEC_FAMILIES)]);
  return CODEC_FAMILIES.filter((family) => wanted.has(family));
}
