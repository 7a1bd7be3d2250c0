import { open, type FileHandle } from 'node:fs/promises';

/**
 * Makes committed transactions durable off the event loop: fsyncs the database's write-ahead log on libuv's
 * thread pool. `sync()` resolves once an fsync that began after the call has finished, so everything committed
 * before the call is on disk. Callers arriving while an fsync runs share the next one (group commit): under
 * load one fsync covers many commits, and the event loop keeps serving requests meanwhile.
 */
export class WalSync {
  private handle: Promise<FileHandle> | undefined;
  private running: Promise<void> | undefined;
  private next: Promise<void> | undefined;

  constructor(
    private readonly walFile: string,
    private readonly fsync: (handle: FileHandle) => Promise<void> = (handle) => handle.sync(),
  ) {}

  sync(): Promise<void> {
    if (!this.running) return this.start();
    // The fsync under way may have begun before the caller's commit: wait for the one after it.
    this.next ??= this.running
      .catch(() => undefined)
      .then(() => {
        this.next = undefined;
        return this.start();
      });
    return this.next;
  }

  /** Waits for the fsyncs asked for so far, then closes the log's file handle. */
  async close(): Promise<void> {
    await Promise.allSettled([this.running, this.next]);
    const handle = this.handle;
    this.handle = undefined;
    if (handle) await (await handle).close();
  }

  private start(): Promise<void> {
    const round = this.fsyncWal().finally(() => {
      if (this.running === round) this.running = undefined;
    });
    this.running = round;
    return round;
  }

  private async fsyncWal(): Promise<void> {
    // Opened at the first sync: SQLite creates the log file with the first commit in WAL mode.
    this.handle ??= open(this.walFile, 'r+').catch((error: unknown) => {
      this.handle = undefined;
      throw error;
    });
    await this.fsync(await this.handle);
  }
}
