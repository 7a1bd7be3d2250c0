import type { Logger } from 'pino';
import type { DashboardRollupStore } from '../../stores/dashboard-rollup.store.ts';
import type { EventStore } from '../../stores/event.store.ts';
import type { HeartbeatStore } from '../../stores/heartbeat.store.ts';
import type { HouseholdStore } from '../../stores/household.store.ts';
import type { LessonRecord, LessonStore } from '../../stores/lesson.store.ts';
import type { ProgressStore } from '../../stores/progress.store.ts';
import type { Stores } from '../../stores/stores.ts';
import { zonedDate } from '../time-zone.ts';
import { learningCellsOf, qoeCellsOf, type HouseholdFacts, type LessonFacts } from './daily-cells.ts';

const DAY_MS = 86_400_000;
/** Local days run from UTC−12 to UTC+14: a day's instants lie within these margins of its UTC date. */
const EARLIEST_START_MS = -14 * 3_600_000;
const LATEST_END_MS = DAY_MS + 12 * 3_600_000;
const DEFAULT_TIME_ZONE = 'Asia/Shanghai';
const HOUSEHOLDS_PER_TURN = 1_000;

export type RollupSources = {
  events: Pick<EventStore, 'ofDay'>;
  heartbeats: Pick<HeartbeatStore, 'ofDate'>;
  progress: Pick<ProgressStore, 'completedBetween'>;
  households: Pick<HouseholdStore, 'get'>;
  lessons: Pick<LessonStore, 'getMany'>;
};
export type RollupOptions = { eventRetentionDays: number; clock?: () => Date };

/** A textbook lesson's stage, grade and subject; a section's lessons (课后服务…) have none. */
const facetsOf = ({ placement }: LessonRecord): LessonFacts =>
  placement.kind === 'textbook'
    ? { stageId: placement.stageId, gradeId: placement.gradeId, subjectId: placement.subjectId }
    : {};

const utcDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const dayMs = (day: string) => Date.parse(`${day}T00:00:00Z`);

/**
 * Rolls raw playback reports, heartbeats and completions up into daily cells (docs/dashboards.md). The raw
 * records are read in pages with a turn of the event loop between them (db/find-in-pages.ts). A day is
 * rebuilt whole from its raw records, so running it again gives the same cells; days older than the event
 * retention are refused (their raw reports are gone: rebuilding would erase their cells).
 */
export class DashboardRollupService {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<unknown> = Promise.resolve();
  private isStopping = false;
  private readonly clock: () => Date;

  constructor(
    private readonly sources: RollupSources,
    private readonly rollups: DashboardRollupStore,
    private readonly logger: Logger,
    private readonly options: RollupOptions,
  ) {
    this.clock = options.clock ?? (() => new Date());
  }

  /** The first day still inside the retention window (older days keep the cells they have). */
  oldestRollableDay(): string {
    return utcDay(this.clock().getTime() - (this.options.eventRetentionDays - 1) * DAY_MS);
  }

  async rollUpDay(day: string): Promise<{ qoeCells: number; learningCells: number }> {
    if (day < this.oldestRollableDay()) {
      throw new RangeError(`${day} is older than the event retention; its rollup is kept as it is`);
    }
    const qoe = qoeCellsOf(day, await this.sources.events.ofDay(day));
    const learning = learningCellsOf(await this.learningInputs(day));
    await this.rollups.replaceQoeDay(day, qoe);
    await this.rollups.replaceLearningDay(day, learning);
    const now = this.clock();
    await this.rollups.markDay({
      day,
      rolledAt: now.toISOString(),
      isComplete: now.getTime() >= dayMs(day) + LATEST_END_MS,
    });
    return { qoeCells: qoe.length, learningCells: learning.length };
  }

  /** Rolls up every day in the retention window not yet rolled up after it ended (today's included). */
  async catchUp(): Promise<string[]> {
    const now = this.clock().getTime();
    const first = this.oldestRollableDay();
    const complete = await this.rollups.completeDaysSince(first);
    const days: string[] = [];
    for (let ms = dayMs(first); ms <= now + DAY_MS; ms += DAY_MS) {
      const day = utcDay(ms);
      if (!complete.has(day)) days.push(day);
    }
    for (const day of days) {
      if (this.isStopping) return []; // a closing server does not wait for the rest of a catch-up
      await this.rollUpDay(day);
      // The embedded store reads a day at once: between days, requests waiting since get their turn (a first
      // start over a month of unrolled progress would otherwise hold the event loop for minutes).
      await new Promise((resolve) => setImmediate(resolve));
    }
    if (days.length) this.logger.info({ days: days.length }, 'dashboards rolled up');
    // Reads the window's cells into the store's cache, so the first dashboard after a start is fast too.
    const last = utcDay(now + DAY_MS);
    await this.rollups.qoeBetween(first, last);
    await this.rollups.learningBetween(first, last);
    return days;
  }

  /** At start, then every `intervalMs` (hourly keeps today fresh; a day is final once it has ended). */
  start(intervalMs: number): void {
    this.isStopping = false;
    const run = () =>
      this.catchUp().catch((error: unknown) =>
        this.logger.warn({ err: error }, 'dashboard rollup failed; retrying later'),
      );
    this.running = run();
    this.timer = setInterval(() => (this.running = run()), intervalMs);
    this.timer.unref();
  }

  /** Stops the schedule; resolves once a rollup under way has finished. */
  async stop(): Promise<void> {
    this.isStopping = true;
    clearInterval(this.timer);
    this.timer = undefined;
    await this.running;
  }

  private async learningInputs(day: string) {
    const start = dayMs(day);
    const heartbeats = await this.sources.heartbeats.ofDate(day);
    const completedNearby = await this.sources.progress.completedBetween(
      new Date(start + EARLIEST_START_MS).toISOString(),
      new Date(start + LATEST_END_MS).toISOString(),
    );
    const householdIds = new Set([...heartbeats, ...completedNearby].map((record) => record.householdId));
    const households = new Map<string, HouseholdFacts & { timeZone: string }>();
    let read = 0;
    for (const id of householdIds) {
      // A day may name 10k households, each a synchronous read on the embedded store: requests get turns.
      if (++read % HOUSEHOLDS_PER_TURN === 0) await new Promise((resolve) => setImmediate(resolve));
      const household = await this.sources.households.get(id);
      const county = (household as { county?: string } | undefined)?.county;
      households.set(id, {
        region: household?.region,
        county,
        timeZone: household?.timeZone ?? DEFAULT_TIME_ZONE,
      });
    }
    const completions = completedNearby.filter(
      (progress) =>
        progress.completedAt &&
        zonedDate(households.get(progress.householdId)!.timeZone, new Date(progress.completedAt)) === day,
    );
    const lessonIds = [...new Set([...heartbeats, ...completions].map((record) => record.lessonId))];
    const lessons = new Map<string, LessonFacts>(
      (await this.sources.lessons.getMany(lessonIds)).map((lesson) => [lesson.id, facetsOf(lesson)]),
    );
    return {
      day,
      heartbeats,
      completions,
      householdOf: (id: string) => households.get(id),
      lessonOf: (id: string) => lessons.get(id),
    };
  }
}

/** The rollup over the API's stores. */
export function createRollupService(
  stores: Stores,
  logger: Logger,
  options: RollupOptions,
): DashboardRollupService {
  const { events, heartbeats, progress, households, lessons, dashboards } = stores;
  return new DashboardRollupService(
    { events, heartbeats, progress, households, lessons },
    dashboards,
    logger.child({ module: 'dashboard-rollup' }),
    options,
  );
}
