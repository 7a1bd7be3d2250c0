import type { Logger } from 'pino';
import type { RevisionStore } from '../stores/revision.store.ts';

const POLL_INTERVAL_MS = 1_000;

/**
 * Knows the newest catalogue revision without a store read per request: writers in this process refresh it
 * at once, and a poll picks up writes by other instances sharing the same MongoDB.
 */
export class RevisionTracker {
  private latest = 0;
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly revisions: RevisionStore,
    private readonly logger: Logger,
  ) {}

  get current(): number {
    return this.latest;
  }

  async start(): Promise<void> {
    await this.refresh().catch((error) => this.logger.warn({ err: error }, 'revision not readable yet'));
    this.timer = setInterval(() => {
      this.refresh().catch((error) => this.logger.debug({ err: error }, 'revision poll failed'));
    }, POLL_INTERVAL_MS);
    this.timer.unref();
  }

  stop(): void {
    clearInterval(this.timer);
  }

  async refresh(): Promise<number> {
    this.latest = Math.max(this.latest, await this.revisions.read());
    return this.latest;
  }

  /** Records a write devices can see. */
  async bump(): Promise<number> {
    this.latest = Math.max(this.latest, await this.revisions.bump());
    return this.latest;
  }
}
