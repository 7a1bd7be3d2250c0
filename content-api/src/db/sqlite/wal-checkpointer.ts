import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

/** How long after a write the checkpoint runs: the writes of that time are copied back together. */
const CHECKPOINT_DELAY_MS = 100;

/**
 * The worker: its own connection to the database, running a PASSIVE checkpoint when asked (it never waits for
 * or blocks the API's writer) and closing the connection when told to stop. CommonJS in a string, so that it
 * runs without the TypeScript loader the API may have been started with.
 */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.file);
db.pragma('busy_timeout = 5000');
parentPort.on('message', (message) => {
  if (message === 'stop') {
    db.close();
    parentPort.close();
    return;
  }
  try {
    db.pragma('wal_checkpoint(PASSIVE)');
  } catch (error) {
    parentPort.postMessage({ error: String(error) });
  }
});
`;

/**
 * Copies the write-ahead log back into the database file on a worker thread instead of inside a commit.
 * SQLite's automatic checkpoint runs in the commit that crosses 1,000 pages of log: it copies the pages and,
 * with `synchronous = NORMAL`, fsyncs the log and the database file, all on the event loop — the API's longest
 * pauses under a heartbeat load (a commit of 100 heartbeats took 4 ms at the median and 11 ms with it). Here
 * the API's connection has automatic checkpoints off, and a write asks for a checkpoint `CHECKPOINT_DELAY_MS`
 * later. Durability does not depend on checkpoints (WalSync fsyncs the log before a write resolves); if the
 * worker fails, the connection's automatic checkpoints are turned back on.
 */
export class WalCheckpointer {
  private readonly worker: Worker;
  private scheduled: NodeJS.Timeout | undefined;
  private stopped: Promise<void> | undefined;
  private hasExited = false;

  constructor(
    file: string,
    private readonly onFailure: (error: unknown) => void,
  ) {
    const driver = createRequire(import.meta.url).resolve('better-sqlite3');
    this.worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { file, driver } });
    this.worker.unref();
    this.worker.once('exit', () => (this.hasExited = true));
    this.worker.on('error', (error) => this.fail(error));
    this.worker.on('message', (message: { error?: string }) => {
      if (message.error) this.fail(new Error(message.error));
    });
  }

  /** A write was committed: a checkpoint follows shortly (one for all the writes until then). */
  wrote(): void {
    if (this.scheduled || this.stopped) return;
    this.scheduled = setTimeout(() => {
      this.scheduled = undefined;
      if (!this.stopped) this.worker.postMessage('checkpoint');
    }, CHECKPOINT_DELAY_MS);
    this.scheduled.unref();
  }

  /** Stops the worker once its checkpoint (if one runs) is done; its connection is closed. */
  stop(): Promise<void> {
    clearTimeout(this.scheduled);
    this.scheduled = undefined;
    this.stopped ??= new Promise<void>((resolve) => {
      if (this.hasExited) return resolve();
      this.worker.once('exit', () => resolve());
      // Unreferenced, the worker would not keep the process alive until it has closed its connection.
      this.worker.ref();
      this.worker.postMessage('stop');
    });
    return this.stopped;
  }

  private fail(error: unknown): void {
    if (this.stopped) return;
    this.onFailure(error);
    void this.stop();
  }
}
