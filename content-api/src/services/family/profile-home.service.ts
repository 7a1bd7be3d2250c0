import type { Facet } from '@ketang/catalog';
import type { TodayItem } from '@ketang/contract';
import type { LessonSummary } from '@ketang/contract';
import { NATIONAL, type CurationStore } from '../../stores/curation.store.ts';
import type { HouseholdRecord } from '../../stores/household.store.ts';
import type { ProfileRecord } from '../../stores/profile.store.ts';
import type { ProgressRecord, ProgressStore } from '../../stores/progress.store.ts';
import type { UsageStore } from '../../stores/usage.store.ts';
import type { CatalogueView, CatalogueViews } from '../catalogue-view.ts';
import type { ChannelService } from '../channel.service.ts';
import type { HomeService } from '../home.service.ts';
import { lessonSummaryOf } from './lesson-summaries.ts';
import {
  renderProfileHome,
  renderRailForProfile,
  toRailJson,
  type ProfileHomeJson,
  type RailJson,
} from './profile-home-json.ts';
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
 * A child's home (docs/family.md "Today's lessons"): today's lessons planned from the child's grade,
 * editions, progress, grade channel, teaching week and remaining quota; then the grade's catalogue rails,
 * kept to the allow-list. Every lesson tile carries the child's progress.
 */
export class ProfileHomeService {
  private readonly railsByView = new WeakMap<CatalogueView, Map<string, RailJson[]>>();

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

  async home(auth: FamilyAuth, profileId: string): Promise<ProfileHomeJson> {
    const [household, profile] = await Promise.all([
      this.access.household(auth),
      this.access.profile(auth, profileId),
    ]);
    const [view, records, channelsRail] = await Promise.all([
      this.views.current(household.region),
      this.stores.progress.ofProfile(profile.id),
      this.catalogue.home.channelsRail({ region: household.region }),
    ]);
    const rails = [...this.catalogueRailsOf(view, profile.gradeId), ...channelsRail.map(toRailJson)];
    const progress = new Map(records.map((record) => [record.lessonId, record]));
    const grade = profile.gradeId ? view.facets.get(profile.gradeId) : undefined;
    const plan = grade ? await this.plan(household, profile, grade, view, records) : [];
    return renderProfileHome(
      toProfile(profile),
      plan.map((item) => toTodayItem(item, view, progress)),
      rails.flatMap((rail) => renderRailForProfile(rail, view.lessons, profile.controls, progress) ?? []),
    );
  }

  /**
   * The grade's lesson and section rails, built once per catalogue view (revision and region) and grade: they
   * are the same for every child of the grade, and building them cost more than the rest of a child's home
   * (benchmarks: "Family"). They are kept serialised; each child's answer adds its progress to the tiles.
   */
  private catalogueRailsOf(view: CatalogueView, gradeId: string | undefined): RailJson[] {
    let byGrade = this.railsByView.get(view);
    if (!byGrade) {
      byGrade = new Map();
      this.railsByView.set(view, byGrade);
    }
    const key = gradeId ?? '';
    let rails = byGrade.get(key);
    if (!rails) {
      rails = this.catalogue.home.catalogueRails(view, { grade: gradeId }).map(toRailJson);
      byGrade.set(key, rails);
    }
    return rails;
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
