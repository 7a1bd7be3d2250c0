import { Worker } from 'node:worker_threads';
import { AppError } from '../errors.ts';

/**
 * scrypt on dedicated worker threads. Node's async `crypto.scrypt` runs on libuv's thread pool (4 threads),
 * which the embedded store's file writes also need: a flood of logins (each ~0.1 s of scrypt) queued every
 * write behind it. Here each worker runs `scryptSync` on its own thread, so the libuv pool stays free, and
 * the queue in front of the workers is bounded: when it is full the request is refused at once (503 with
 * Retry-After) instead of waiting behind minutes of hashing.
 */
const WORKER_SOURCE = `
const { parentPort } = require('node:worker_threads');
const { scryptSync } = require('node:crypto');
parentPort.on('message', ({ id, password, salt, keyLength, options }) => {
  try {
    const key = scryptSync(password, Buffer.from(salt), keyLength, options);
    parentPort.postMessage({ id, key });
  } catch (error) {
    parentPort.postMessage({ id, error: String(error && error.message) });
  }
});`;

export type ScryptParams = { N: number; r: number; p: number; maxmem: number };
type Job = {
  id: number;
  message: { password: string; salt: Uint8Array; keyLength: number; options: ScryptParams };
  resolve(key: Buffer): void;
  reject(error: Error): void;
};
type Slot = { worker: Worker; job?: Job };

export class HashBusyError extends AppError {
  constructor() {
    super(503, 'busy', 'too many password checks are waiting; try again shortly', [], { 'Retry-After': '2' });
  }
}

export class HashPool {
  private readonly slots: Slot[] = [];
  private readonly queue: Job[] = [];
  private nextId = 0;

  constructor(
    private readonly size: number,
    private readonly maxQueued: number,
  ) {}

  /** Resolves with the derived key; rejects with HashBusyError when maxQueued hashes already wait. */
  derive(password: string, salt: Buffer, keyLength: number, options: ScryptParams): Promise<Buffer> {
    return new Promise<Buffer>((resolve, reject) => {
      const job: Job = {
        id: this.nextId++,
        message: { password, salt, keyLength, options },
        resolve,
        reject,
      };
      const idle = this.idleSlot();
      if (idle) return this.start(idle, job);
      if (this.queue.length >= this.maxQueued) return reject(new HashBusyError());
      this.queue.push(job);
    });
  }

  /** Hashes waiting for a worker (for tests and metrics). */
  get waiting(): number {
    return this.queue.length;
  }

  /** Stops the workers; the hashes under way or waiting fail (none is left pending, as in piscina's close). */
  async close(): Promise<void> {
    const slots = this.slots.splice(0);
    const closed = new Error('the hash pool was closed');
    for (const job of [...slots.flatMap((slot) => slot.job ?? []), ...this.queue.splice(0)])
      job.reject(closed);
    await Promise.all(slots.map((slot) => slot.worker.terminate()));
  }

  private idleSlot(): Slot | undefined {
    const idle = this.slots.find((slot) => !slot.job);
    if (idle) return idle;
    if (this.slots.length >= this.size) return undefined;
    const slot: Slot = { worker: this.spawn() };
    this.slots.push(slot);
    return slot;
  }

  private spawn(): Worker {
    const worker = new Worker(WORKER_SOURCE, { eval: true });
    worker.on('message', (answer: { id: number; key?: Uint8Array; error?: string }) => {
      const slot = this.slots.find((candidate) => candidate.worker === worker);
      const job = slot?.job;
      if (!slot || !job || job.id !== answer.id) return;
      slot.job = undefined;
      worker.unref();
      if (answer.key) job.resolve(Buffer.from(answer.key));
      else job.reject(new Error(answer.error ?? 'scrypt failed'));
      const next = this.queue.shift();
      if (next) this.start(slot, next);
    });
    worker.on('error', (error) => this.retire(worker, error));
    worker.on('exit', (code) => this.retire(worker, new Error(`hash worker exited with ${code}`)));
    worker.unref(); // after the listeners, which ref it: only a worker with a job keeps the process alive
    return worker;
  }

  private start(slot: Slot, job: Job): void {
    slot.job = job;
    slot.worker.ref();
    slot.worker.postMessage({ id: job.id, ...job.message });
  }

  /** A dead worker fails its job and leaves the pool; the next hash spawns a fresh one. */
  private retire(worker: Worker, error: Error): void {
    const index = this.slots.findIndex((slot) => slot.worker === worker);
    if (index < 0) return;
    const [slot] = this.slots.splice(index, 1);
    slot?.job?.reject(error);
    const next = this.queue.shift();
    if (next) {
      const idle = this.idleSlot();
      if (idle) this.start(idle, next);
      else this.queue.unshift(next);
    }
  }
}
