import type { Facet } from '@ketang/catalog';
import type { LessonSummary, Rail, TodayItem } from '@ketang/contract';
import { LRUCache } from 'lru-cache';
import { railTitle } from '../../messages/messages.ts';
import { NATIONAL, type CurationStore } from '../../stores/curation.store.ts';
import type { HouseholdRecord } from '../../stores/household.store.ts';
import type { ProfileRecord } from '../../stores/profile.store.ts';
import type { ProgressRecord, ProgressStore } from '../../stores/progress.store.ts';
import type { UsageStore } from '../../stores/usage.store.ts';
import type { CatalogueView, CatalogueViews } from '../catalogue-view.ts';
import type { ChannelService } from '../channel.service.ts';
import type { HomeService } from '../home.service.ts';
import { RAIL_LENGTH } from '../home-layout/catalogue-rails.ts';
import type { HomePlan, LiveRail } from '../home-layout/home-composer.ts';
import type { ChannelSet } from '../releases/channel-set.ts';
import type { DeviceScope } from '../releases/scope.ts';
import { lessonSummaryOf } from './lesson-summaries.ts';
import {
  renderProfileHome,
  renderRailForProfile,
  tileLessonIds,
  tileProgressJson,
  toRailJson,
  type ProfileHomeAnswer,
  type RailJson,
} from './profile-home-json.ts';
import { deflatedText, type DeflatedText } from './spliced-gzip.ts';
import type { FamilyAuth } from './family-auth.ts';
import { localDate, type HouseholdAccess } from './household-access.ts';
import { toProfile } from './household.service.ts';
import { readFamilySettings } from './region-family-settings.ts';
import { teachingWeek } from './teaching-week.ts';
import { textbookOrderOf } from './textbook-order.ts';
import { planToday, TODAY_LIMITS, type TodayInput, type TodayPlanItem } from './today-planner.ts';
import { todayReasonText } from './today-reasons.ts';
import { emptyUsage, toUsage } from './usage-rules.ts';

type ProgressByLesson = ReadonlyMap<string, ProgressRecord>;

/**
 * A grade's composed home, kept: each run of catalogue rails serialised (and compressed once, for a child
 * without an allow-list), live rails by their place, and the lessons on the catalogue rails' tiles.
 */
type RailsPlan = {
  parts: ({ rails: readonly RailJson[]; kept: DeflatedText } | { live: LiveRail })[];
  tileLessonIds: ReadonlySet<string>;
  today?: { limit?: number };
};
/** Layouts × grades kept per catalogue view (a draft under preview adds one per revision). */
const PLANS_PER_VIEW = 256;

/**
 * A child's home (docs/family.md "Today's lessons"): today's lessons planned from the child's grade,
 * editions, progress, grade channel, teaching week and remaining quota; then the rails of the home layout the
 * household's release decides for the child's stage (the grade's catalogue rails by default), kept to the
 * allow-list. Every lesson tile carries the child's progress.
 */
export class ProfileHomeService {
  /** Per catalogue view, the grade's composed home by layout (release or draft, stage) and grade. */
  private readonly plansByView = new WeakMap<CatalogueView, LRUCache<string, RailsPlan>>();

  constructor(
    private readonly access: HouseholdAccess,
    private readonly stores: {
      progress: ProgressStore;
      usage: UsageStore;
      curation: Pick<CurationStore, 'regionSettings'>;
    },
    private readonly views: CatalogueViews,
    private readonly catalogue: { home: HomeService; channels: ChannelService },
    private readonly clock: () => Date,
  ) {}

  /** `preview`: a draft's pairing code (X-Ketang-Preview): the home follows the draft's layout, channels and
   * curation. */
  async home(auth: FamilyAuth, profileId: string, preview?: string): Promise<ProfileHomeAnswer> {
    const [household, profile] = await Promise.all([
      this.access.household(auth),
      this.access.profile(auth, profileId),
    ]);
    const scope = { region: household.region, carrier: household.carrier, ...(preview ? { preview } : {}) };
    const [view, records, release] = await Promise.all([
      this.views.current(household.region, preview),
      this.stores.progress.ofProfile(profile.id),
      this.catalogue.home.releaseOf(scope),
    ]);
    const plan = this.railsPlanOf(view, release, profile.gradeId);
    const controls = profile.controls;
    const liveLessonIds = new Set<string>();
    const rails = await Promise.all(
      plan.parts.map(async (part): Promise<(string | DeflatedText)[]> => {
        if ('kept' in part) {
          if (!controls.allowList) return [part.kept];
          return part.rails.flatMap((rail) => renderRailForProfile(rail, view.lessons, controls) ?? []);
        }
        const live = await this.liveRail(part.live, scope, view, records);
        live.forEach((rail) => tileLessonIds(rail).forEach((id) => liveLessonIds.add(id)));
        return live.flatMap((rail) => renderRailForProfile(toRailJson(rail), view.lessons, controls) ?? []);
      }),
    );
    const progress = new Map(records.map((record) => [record.lessonId, record]));
    const grade = profile.gradeId ? view.facets.get(profile.gradeId) : undefined;
    const today = plan.today && grade ? await this.plan(household, profile, grade, view, records) : [];
    // Tiles an allow-list drops still find their progress here: harmless, and it saves a second pass.
    const onTile = (lessonId: string) => plan.tileLessonIds.has(lessonId) || liveLessonIds.has(lessonId);
    return renderProfileHome(
      toProfile(profile),
      today.slice(0, plan.today?.limit ?? today.length).map((item) => toTodayItem(item, view, progress)),
      rails.flat(),
      tileProgressJson(records, onTile),
    );
  }

  /**
   * The grade's home as its layout composes it, built once per catalogue view (revision and region), layout
   * and grade: its catalogue rails are the same for every child of the grade, and building them cost more than
   * the rest of a child's home (benchmarks: "Family"). They are kept serialised; each child's answer adds its
   * progress to the tiles, and the live rails (on air, continue) in their places.
   */
  private railsPlanOf(view: CatalogueView, release: ChannelSet, gradeId: string | undefined): RailsPlan {
    let plans = this.plansByView.get(view);
    if (!plans) {
      plans = new LRUCache({ max: PLANS_PER_VIEW });
      this.plansByView.set(view, plans);
    }
    const home = { grade: gradeId };
    const { layout, key } = this.catalogue.home.composer.layoutOf(release, view, home);
    const cacheKey = `${key}|${gradeId ?? ''}`;
    let plan = plans.get(cacheKey);
    if (!plan) {
      plan = keptPlan(this.catalogue.home.composer.plan(view, layout, home));
      plans.set(cacheKey, plan);
    }
    return plan;
  }

  /** A rail that changes with the time or the child: the channels on air, the child's lessons begun. */
  private async liveRail(
    live: LiveRail,
    scope: DeviceScope,
    view: CatalogueView,
    records: readonly ProgressRecord[],
  ): Promise<Rail[]> {
    if (live.rule === 'onAir') return this.catalogue.home.channelsRail(scope, live);
    const begun = records
      .filter((record) => !record.completed && record.positionSeconds > 0)
      .sort((a, b) => b.updatedAt.localeCompare(a.updatedAt))
      .flatMap((record) => view.lessons.get(record.lessonId) ?? [])
      .slice(0, live.limit ?? RAIL_LENGTH);
    if (begun.length === 0) return [];
    const items = begun.map((lesson) => lessonSummaryOf(lesson, view));
    return [{ id: 'continue', kind: 'lessons', title: live.title ?? railTitle('continue'), items }];
  }

  private async plan(
    household: HouseholdRecord,
    profile: ProfileRecord,
    grade: Facet,
    view: CatalogueView,
    progress: readonly ProgressRecord[],
  ): Promise<TodayPlanItem[]> {
    const now = this.clock();
    const [settings, usage, live] = await Promise.all([
      readFamilySettings(this.stores.curation, household.region ?? NATIONAL),
      this.stores.usage.get(profile.id, localDate(household, now)),
      this.gradeChannel(grade.id, household),
    ]);
    const usageNow = toUsage(
      usage ?? emptyUsage(household.id, profile.id, localDate(household, now)),
      profile.controls,
      household.timeZone,
      now,
    );
    return planToday({
      now,
      timeZone: household.timeZone,
      child: { gradeId: grade.id, editions: profile.editions, allowList: profile.controls.allowList },
      usualEditions: (grade.stageId && settings.usualEditions[grade.stageId]) || {},
      lessons: view.lessons,
      textbooks: textbookOrderOf(view.lessons).grade(grade.id),
      progress,
      ...live,
      week: teachingWeek(settings.schoolCalendar, now, household.timeZone),
      remainingSeconds: usageNow.remainingSeconds,
    });
  }

  /** What the grade's channel airs now and aired in the last week. */
  private async gradeChannel(
    gradeId: string,
    household: Pick<HouseholdRecord, 'region' | 'carrier'>,
  ): Promise<Pick<TodayInput, 'onAir' | 'recentSlots'>> {
    // The household's carrier (set at activation by code) picks its release; without one, the region's.
    const scope = { region: household.region, carrier: household.carrier };
    const channel = await this.catalogue.channels.gradeChannel(gradeId, scope);
    if (!channel) return { recentSlots: [] };
    const [onAir, recentSlots] = await Promise.all([
      this.catalogue.channels.onAir(channel.id, scope),
      this.catalogue.channels.pastSlots(channel.id, TODAY_LIMITS.catchUpDays, scope),
    ]);
    return {
      onAir: onAir.now
        ? {
            channelId: channel.id,
            lessonId: onAir.now.lesson.id,
            lessonPositionSeconds: onAir.lessonPositionSeconds,
          }
        : undefined,
      recentSlots,
    };
  }
}

/** A composed home with its runs of catalogue rails serialised and compressed, to be kept. */
function keptPlan(composed: HomePlan): RailsPlan {
  const parts: RailsPlan['parts'] = [];
  const lessonIds = new Set<string>();
  let run: RailJson[] = [];
  const endRun = () => {
    if (run.length === 0) return;
    parts.push({ rails: run, kept: deflatedText(run.map((rail) => rail.json).join(',')) });
    run = [];
  };
  for (const part of composed.parts) {
    if ('rail' in part) {
      run.push(toRailJson(part.rail));
      tileLessonIds(part.rail).forEach((id) => lessonIds.add(id));
    } else {
      endRun();
      parts.push(part);
    }
  }
  endRun();
  return { parts, tileLessonIds: lessonIds, ...(composed.today ? { today: composed.today } : {}) };
}

function withProgress<T extends LessonSummary>(summary: T, progress: ProgressByLesson): T {
  const record = progress.get(summary.id);
  if (!record) return summary;
  const { positionSeconds, durationSeconds, completed } = record;
  return { ...summary, progress: { positionSeconds, durationSeconds, completed } };
}

function toTodayItem(item: TodayPlanItem, view: CatalogueView, progress: ProgressByLesson): TodayItem {
  return {
    ...withProgress(lessonSummaryOf(item.lesson, view), progress),
    reason: todayReasonText(item.reason, view.facets),
    reasonCode: item.reason.code,
    ...(item.channelId ? { channelId: item.channelId } : {}),
    ...(item.lessonPositionSeconds !== undefined
      ? { lessonPositionSeconds: item.lessonPositionSeconds }
      : {}),
  };
}
