import { UnknownReferenceError } from '../../errors.ts';
import type { Heartbeat, LessonProgress, Usage } from '@ketang/contract';
import { heartbeatKey } from '../../stores/heartbeat.store.ts';
import type { ProgressRecord, ProgressStore } from '../../stores/progress.store.ts';
import type { UsageRecord, UsageStore } from '../../stores/usage.store.ts';
import type { LessonStore } from '../../stores/lesson.store.ts';
import type { WatchingStore } from '../../stores/watching.store.ts';
import type { ProfileRecord } from '../../stores/profile.store.ts';
import type { CatalogueView, CatalogueViews } from '../catalogue-view.ts';
import { toLessonSummary } from '../mappers.ts';
import type { FamilyAuth } from './family-auth.ts';
import { localDate, type HouseholdAccess } from './household-access.ts';
import type { KeyedLock } from './keyed-lock.ts';
import { mergeHeartbeat } from './progress-merge.ts';
import { countWatching, emptyUsage, toUsage } from './usage-rules.ts';

const progressKey = (profileId: string, lessonId: string) => `${profileId}|${lessonId}`;

/** Heartbeats in, merged progress and usage out: the watching record of each profile. */
export class ProgressService {
  constructor(
    private readonly access: HouseholdAccess,
    private readonly stores: {
      progress: ProgressStore;
      usage: UsageStore;
      lessons: LessonStore;
      watching: WatchingStore;
    },
    private readonly views: CatalogueViews,
    private readonly lock: KeyedLock,
    private readonly clock: () => Date,
  ) {}

  /**
   * Counts each heartbeat id once per profile. Everything is checked before anything is written; the
   * read-modify-write of each profile runs under its lock until durable, so two boxes' heartbeats both count.
   * Which ids are new is not read first: the ids and what they change are written as one (WatchingStore),
   * the ids inserted only where new, and the change computed again without any that were counted before:
   * atomically on the embedded store; on MongoDB the ids last, so a crash in between counts a resent
   * heartbeat twice rather than losing it.
   */
  async record(auth: FamilyAuth, heartbeats: readonly Heartbeat[]) {
    const household = await this.access.household(auth);
    const profileIds = [...new Set(heartbeats.map((heartbeat) => heartbeat.profileId))];
    const profiles = await Promise.all(profileIds.map((id) => this.access.profile(auth, id)));
    await this.checkLessons(await this.views.current(household.region), heartbeats);
    return this.lock.run(profileIds, async () => {
      const now = this.clock();
      const date = localDate(household, now);
      const candidates = onceEach(heartbeats);
      const progress = await this.progressOf(candidates);
      const usage = await this.usageOf(profiles, household.id, date);
      const byKey = new Map(candidates.map((heartbeat) => [keyOf(heartbeat), heartbeat]));
      // What the heartbeats not counted before change, from the records read above (left as they are).
      const changeOf = (fresh: readonly { id: string; profileId: string }[]) => {
        const merged = new Map(progress);
        const used = new Map(usage);
        for (const counted of fresh) {
          const heartbeat = byKey.get(keyOf(counted))!;
          const key = progressKey(heartbeat.profileId, heartbeat.lessonId);
          merged.set(key, mergeHeartbeat(merged.get(key), heartbeat, household.id, now));
          const profile = profiles.find((candidate) => candidate.id === heartbeat.profileId)!;
          used.set(
            profile.id,
            countWatching(used.get(profile.id)!, heartbeat.watchedSeconds, profile.controls, now),
          );
        }
        return { progress: [...merged.values()], usage: [...used.values()], counted: used };
      };
      const fresh = await this.stores.watching.save(
        candidates.map((heartbeat) => ({
          id: heartbeat.id,
          householdId: household.id,
          profileId: heartbeat.profileId,
          lessonId: heartbeat.lessonId,
          watchedSeconds: heartbeat.watchedSeconds,
          date,
          receivedAt: now.toISOString(),
        })),
        changeOf,
      );
      const counted = changeOf(fresh).counted;
      const answers: Usage[] = profiles.map((profile) =>
        toUsage(counted.get(profile.id)!, profile.controls, household.timeZone, now),
      );
      return { accepted: fresh.length, duplicates: heartbeats.length - fresh.length, usage: answers };
    });
  }

  /** A profile's progress: every lesson, or the given ones; most recent first, with lesson summaries. */
  async progress(
    auth: FamilyAuth,
    profileId: string,
    lessonIds?: readonly string[],
  ): Promise<{ items: LessonProgress[] }> {
    const [household, profile] = await Promise.all([
      this.access.household(auth),
      this.access.profile(auth, profileId),
    ]);
    const [records, view] = await Promise.all([
      lessonIds
        ? this.stores.progress.forLessons(profile.id, lessonIds)
        : this.stores.progress.ofProfile(profile.id),
      this.views.current(household.region),
    ]);
    return { items: records.map((record) => toLessonProgress(record, view)) };
  }

  /**
   * Every lesson must exist: in the region's view, or in the store at all — a lesson retired or hidden while an
   * offline box was playing it still counts, or the box's batch would be refused for ever.
   */
  private async checkLessons(view: CatalogueView, heartbeats: readonly Heartbeat[]): Promise<void> {
    const inView = (id: string) => view.lessons.get(id) !== undefined || view.localLessons.has(id);
    const elsewhere = [
      ...new Set(heartbeats.map((heartbeat) => heartbeat.lessonId).filter((id) => !inView(id))),
    ];
    const stored = new Set((await this.stores.lessons.getMany(elsewhere)).map((lesson) => lesson.id));
    const details = heartbeats.flatMap((heartbeat, index) =>
      inView(heartbeat.lessonId) || stored.has(heartbeat.lessonId)
        ? []
        : [{ path: `body.heartbeats.${index}.lessonId`, message: `unknown lesson "${heartbeat.lessonId}"` }],
    );
    if (details.length > 0) {
      throw new UnknownReferenceError(
        `no such lesson: ${details.map((detail) => detail.path).join(', ')}`,
        details,
      );
    }
  }

  private async progressOf(heartbeats: readonly Heartbeat[]): Promise<Map<string, ProgressRecord>> {
    const lessonsByProfile = new Map<string, Set<string>>();
    for (const { profileId, lessonId } of heartbeats) {
      lessonsByProfile.set(profileId, (lessonsByProfile.get(profileId) ?? new Set()).add(lessonId));
    }
    const found = await Promise.all(
      [...lessonsByProfile].map(([profileId, lessonIds]) =>
        this.stores.progress.latest(profileId, [...lessonIds]),
      ),
    );
    return new Map(
      found.flatMap((records) =>
        [...records.values()].map((record) => [progressKey(record.profileId, record.lessonId), record]),
      ),
    );
  }

  private async usageOf(profiles: readonly ProfileRecord[], householdId: string, date: string) {
    const records = await Promise.all(
      profiles.map(
        async (profile) =>
          (await this.stores.usage.get(profile.id, date)) ?? emptyUsage(householdId, profile.id, date),
      ),
    );
    return new Map<string, UsageRecord>(records.map((record) => [record.profileId, record]));
  }
}

const keyOf = (heartbeat: { id: string; profileId: string }) =>
  heartbeatKey(heartbeat.profileId, heartbeat.id);

/** Each heartbeat id once per profile, the first of a request that sends one twice. */
function onceEach(heartbeats: readonly Heartbeat[]): Heartbeat[] {
  const keys = new Set<string>();
  return heartbeats.filter((heartbeat) => !keys.has(keyOf(heartbeat)) && Boolean(keys.add(keyOf(heartbeat))));
}

export function toLessonProgress(record: ProgressRecord, view: CatalogueView): LessonProgress {
  const lesson = view.lessons.get(record.lessonId);
  return {
    lessonId: record.lessonId,
    ...(record.periodId ? { periodId: record.periodId } : {}),
    positionSeconds: record.positionSeconds,
    durationSeconds: record.durationSeconds,
    watchedSeconds: record.watchedSeconds,
    rewoundSeconds: record.rewoundSeconds,
    completed: record.completed,
    updatedAt: record.updatedAt,
    ...(lesson ? { lesson: toLessonSummary(lesson, view) } : {}),
  };
}
