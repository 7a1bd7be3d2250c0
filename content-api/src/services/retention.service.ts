import type { Logger } from 'pino';
import type { EventStore } from '../stores/event.store.ts';
import type { LoginFailureStore } from '../stores/login-failure.store.ts';

const DAY_MS = 86_400_000;
/** Login failure records are forgotten a day after the last one (a lock lasts minutes). */
const LOGIN_FAILURE_KEEP_MS = DAY_MS;

export type RetentionOptions = { eventRetentionDays: number; clock?: () => Date };

/**
 * Keeps what piles up bounded: playback events older than KETANG_EVENT_RETENTION_DAYS (by `receivedAt`, the
 * server's time, indexed) and stale login failure records. Runs at start and then every `intervalMs`.
 */
export class RetentionService {
  private timer: NodeJS.Timeout | undefined;
  private readonly clock: () => Date;

  constructor(
    private readonly events: EventStore,
    private readonly loginFailures: LoginFailureStore,
    private readonly logger: Logger,
    private readonly options: RetentionOptions,
  ) {
    this.clock = options.clock ?? (() => new Date());
  }

  async purge(): Promise<{ events: number; loginFailures: number }> {
    const now = this.clock().getTime();
    const events = await this.events.purgeBefore(
      new Date(now - this.options.eventRetentionDays * DAY_MS).toISOString(),
    );
    const loginFailures = await this.loginFailures.purge(
      new Date(now - LOGIN_FAILURE_KEEP_MS).toISOString(),
      new Date(now).toISOString(),
    );
    if (events || loginFailures) this.logger.info({ events, loginFailures }, 'purged old records');
    return { events, loginFailures };
  }

  start(intervalMs: number): void {
    const run = () =>
      this.purge().catch((error: unknown) =>
        this.logger.warn({ err: error }, 'purge failed; retrying later'),
      );
    void run();
    this.timer = setInterval(run, intervalMs);
    this.timer.unref();
  }

  stop(): void {
    clearInterval(this.timer);
    this.timer = undefined;
  }
}
