import { Worker } from 'node:worker_threads';
import type { BatchOutcome, ListedAt } from './smartedu-context.ts';
import type { SyncState } from './smartedu-report.ts';
import { toSmarteduId } from '../sources/smartedu/v2/ids.ts';
import type { TextbookJob } from './smartedu-textbook.ts';

export interface TextbookWorkerData {
  location: string;
  headers?: Record<string, string>;
  formatVersion: number;
  moduleVersion?: string;
  concurrency: number;
  validate: boolean;
}

type Pending = { resolve: (outcome: BatchOutcome<'textbook'>) => void; reject: (error: Error) => void };

/**
 * Worker threads that import textbooks in parallel (parsing and mapping are CPU-bound). Jobs go to the
 * least busy worker; results come back by sequence number.
 */
export class TextbookWorkerPool {
  private readonly workers: { worker: Worker; busy: number }[] = [];
  private readonly pending = new Map<number, Pending>();
  private nextSeq = 0;

  constructor(size: number, data: TextbookWorkerData) {
    for (let i = 0; i < size; i++) {
      const worker = new Worker(new URL('./textbook-worker-boot.mjs', import.meta.url), {
        workerData: data,
        // A larger young generation makes the many short-lived parse objects cheaper to collect.
        resourceLimits: { maxYoungGenerationSizeMb: 64 },
      });
      const slot = { worker, busy: 0 };
      worker.on(
        'message',
        (message: {
          seq: number;
          batch: BatchOutcome<'textbook'>['batch'];
          listedAt: [string, { file: string; path: string }][];
        }) => {
          slot.busy--;
          const waiting = this.pending.get(message.seq);
          this.pending.delete(message.seq);
          waiting?.resolve({ batch: message.batch, listedAt: new Map(message.listedAt) as ListedAt });
        },
      );
      worker.on('error', (error) => this.failAll(error));
      this.workers.push(slot);
    }
  }

  run(job: TextbookJob, previous: Record<string, SyncState> | undefined): Promise<BatchOutcome<'textbook'>> {
    const slot = this.workers.reduce((least, candidate) => (candidate.busy < least.busy ? candidate : least));
    const seq = this.nextSeq++;
    slot.busy++;
    return new Promise((resolve, reject) => {
      this.pending.set(seq, { resolve, reject });
      slot.worker.postMessage({ seq, job, previous: previous?.[toSmarteduId(job.entry.id)] });
    });
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map(({ worker }) => worker.terminate()));
  }

  private failAll(error: Error): void {
    for (const waiting of this.pending.values()) waiting.reject(error);
    this.pending.clear();
  }
}
