import type { Logger } from 'pino';
import type { EventStore } from '../stores/event.store.ts';
import type { HeartbeatStore } from '../stores/heartbeat.store.ts';
import type { LoginFailureStore } from '../stores/login-failure.store.ts';

const DAY_MS = 86_400_000;
/** Login failure records are forgotten a day after the last one (a lock lasts minutes). */
const LOGIN_FAILURE_KEEP_MS = DAY_MS;

export type RetentionOptions = { eventRetentionDays: number; clock?: () => Date };

/**
 * Keeps what piles up bounded: playback events older than KETANG_EVENT_RETENTION_DAYS (by `receivedAt`, the
 * server's time, indexed), heartbeats counted on local dates older than the same window (by `date`, indexed),
 * and stale login failure records. Runs at start and then every `intervalMs`.
 *
 * Heartbeats share the events' window: the learning dashboards roll them up for as long as a day may still be
 * rolled up (rollup.service.ts refuses older days, keeping their cells), and their ids, which make a resent
 * heartbeat count once, are needed only while a box may still resend one (its queue holds minutes to days).
 * A week report older than the window shows its finished lessons but no minutes per day.
 */
export class RetentionService {
  private timer: NodeJS.Timeout | undefined;
  private readonly clock: () => Date;

  constructor(
    private readonly stores: {
      events: EventStore;
      heartbeats: HeartbeatStore;
      loginFailures: LoginFailureStore;
    },
    private readonly logger: Logger,
    private readonly options: RetentionOptions,
  ) {
    this.clock = options.clock ?? (() => new Date());
  }

  async purge(): Promise<{ events: number; heartbeats: number; loginFailures: number }> {
    const now = this.clock().getTime();
    const cutOff = new Date(now - this.options.eventRetentionDays * DAY_MS).toISOString();
    const events = await this.stores.events.purgeBefore(cutOff);
    const heartbeats = await this.stores.heartbeats.purgeBefore(cutOff.slice(0, 10));
    const loginFailures = await this.stores.loginFailures.purge(
      new Date(now - LOGIN_FAILURE_KEEP_MS).toISOString(),
      new Date(now).toISOString(),
    );
    if (events || heartbeats || loginFailures)
      this.logger.info({ events, heartbeats, loginFailures }, 'purged old records');
    return { events, heartbeats, loginFailures };
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
