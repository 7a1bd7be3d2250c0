import { fileURLToPath } from 'node:url';
import { Piscina } from 'piscina';
import type { BatchOutcome, ListedAt } from './smartedu-context.ts';
import { issue } from './import-issues.ts';
import type { SyncState } from './smartedu-report.ts';
import { smarteduLayout } from '../sources/smartedu/layout.ts';
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

/** One textbook for a worker: the import's settings, the job, its previous state and which try this is. */
export interface TextbookTask {
  data: TextbookWorkerData;
  job: TextbookJob;
  previous?: SyncState;
  attempt: number;
}

/** What a worker sends back (a Map does not survive the message as a Map, so `listedAt` is entries). */
export interface TextbookTaskResult {
  batch: BatchOutcome<'textbook'>['batch'];
  listedAt: [string, { file: string; path: string }][];
}

/** A textbook whose worker died is tried once more on a fresh worker, then reported as failed. */
export const TEXTBOOK_ATTEMPTS = 2;
/** A textbook still importing after this long has its worker terminated (and counts as a failed try). */
export const DEFAULT_TEXTBOOK_TIMEOUT_MS = 15 * 60_000;

/**
 * The worker's entry: from TypeScript sources (tsx, tests) a small .mjs that registers tsx first; from the
 * compiled server (content-api/dist) the bundled `textbook-worker.js` beside it.
 */
function workerFilename(): string {
  const isSource = import.meta.url.endsWith('.ts');
  return fileURLToPath(
    new URL(isSource ? './textbook-worker-boot.mjs' : './textbook-worker.js', import.meta.url),
  );
}

/**
 * Worker threads that import textbooks in parallel (parsing and mapping are CPU-bound), on piscina: one
 * textbook per worker at a time, and a worker that exits or crashes is replaced by a fresh one. The textbook
 * it was importing is tried once more; if that fails too it comes back as a skipped (`invalid`) batch with an
 * error naming the textbook and the cause, so the sync finishes and reports it instead of waiting forever.
 */
export class TextbookWorkerPool {
  private readonly pool: Piscina<TextbookTask, TextbookTaskResult>;
  private isClosed = false;

  constructor(
    size: number,
    private readonly data: TextbookWorkerData,
    private readonly options: { timeoutMs?: number } = {},
  ) {
    this.pool = new Piscina({
      filename: workerFilename(),
      minThreads: size,
      maxThreads: size,
      concurrentTasksPerWorker: 1,
      // A larger young generation makes the many short-lived parse objects cheaper to collect.
      resourceLimits: { maxYoungGenerationSizeMb: 64 },
    });
    // A worker dying between tasks fails no textbook and piscina replaces it; without a listener, its
    // 'error' event would crash the process.
    this.pool.on('error', () => undefined);
  }

  async run(
    job: TextbookJob,
    previous: Record<string, SyncState> | undefined,
  ): Promise<BatchOutcome<'textbook'>> {
    const task = { data: this.data, job, previous: previous?.[toSmarteduId(job.entry.id)] };
    const causes: string[] = [];
    for (let attempt = 1; attempt <= TEXTBOOK_ATTEMPTS; attempt++) {
      try {
        const result = await this.pool.run(
          { ...task, attempt },
          { signal: AbortSignal.timeout(this.options.timeoutMs ?? DEFAULT_TEXTBOOK_TIMEOUT_MS) },
        );
        return { batch: result.batch, listedAt: new Map(result.listedAt) as ListedAt };
      } catch (error) {
        causes.push(describeFailure(error));
        // Closing (the sync stopped) fails the tasks still running: no retry then.
        if (this.isClosed) break;
      }
    }
    return failedTextbook(job, causes);
  }

  async close(): Promise<void> {
    this.isClosed = true;
    await this.pool.destroy();
  }
}

function describeFailure(error: unknown): string {
  if (error instanceof Error && error.name === 'AbortError') return 'timed out; its worker was terminated';
  return error instanceof Error ? error.message : String(error);
}

function failedTextbook(job: TextbookJob, causes: string[]): BatchOutcome<'textbook'> {
  const { entry } = job;
  const message =
    `textbook ${entry.id} (${entry.title ?? 'untitled'}) was not imported: its import worker failed ` +
    `${causes.length === 1 ? 'once' : `${causes.length} times`} (${causes.join('; ')})`;
  const issues = [issue(smarteduLayout.lessonParts(entry.id), '$', message, 'error', entry.id)];
  const batch = {
    kind: 'skipped',
    target: 'textbook',
    id: toSmarteduId(entry.id),
    sourceId: entry.id,
    reason: 'invalid',
    issues,
  } as const;
  return { batch, listedAt: new Map() };
}
