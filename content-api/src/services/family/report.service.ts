import type { LessonSummary } from '../../schemas/shared.schema.ts';
import type { WeekReport } from '../../schemas/report.schema.ts';
import type { HeartbeatRecord, HeartbeatStore } from '../../stores/heartbeat.store.ts';
import type { ProgressRecord, ProgressStore } from '../../stores/progress.store.ts';
import type { UsageStore } from '../../stores/usage.store.ts';
import type { CatalogueView, CatalogueViews } from '../catalogue-view.ts';
import { toLessonSummary } from '../mappers.ts';
import { zonedDayBounds } from '../time-zone.ts';
import { addDays, mondayOf } from './calendar.ts';
import type { FamilyAuth } from './family-auth.ts';
import { localDate, type HouseholdAccess } from './household-access.ts';

const STREAK_SCAN_DAYS = 366;
const NEXT_LESSONS = 5;

/** What a parent reads on the phone: a week of watching per subject per day, what was finished, what is next. */
export class ReportService {
  constructor(
    private readonly access: HouseholdAccess,
    private readonly stores: { progress: ProgressStore; usage: UsageStore; heartbeats: HeartbeatStore },
    private readonly views: CatalogueViews,
    private readonly clock: () => Date,
  ) {}

  async week(auth: FamilyAuth, profileId: string, week: string | undefined): Promise<WeekReport> {
    const [household, profile] = await Promise.all([
      this.access.household(auth),
      this.access.profile(auth, profileId),
    ]);
    const today = localDate(household, this.clock());
    const start = mondayOf(week ?? today);
    const end = addDays(start, 6);
    const [heartbeats, progress, usage, view] = await Promise.all([
      this.stores.heartbeats.between(profile.id, start, end),
      this.stores.progress.ofProfile(profile.id),
      this.stores.usage.between(profile.id, addDays(today, -STREAK_SCAN_DAYS), today),
      this.views.current(household.region),
    ]);
    const days = Array.from({ length: 7 }, (_, index) => dayOf(addDays(start, index), heartbeats, view));
    const from = zonedDayBounds(start, household.timeZone).start.toISOString();
    const to = zonedDayBounds(end, household.timeZone).end.toISOString();
    const completed = progress.filter(
      (record) => record.completedAt && record.completedAt >= from && record.completedAt < to,
    );
    return {
      profileId: profile.id,
      week: { start, end },
      days,
      totalSeconds: days.reduce((sum, day) => sum + day.seconds, 0),
      completedLessons: summaries(
        completed.map((record) => record.lessonId),
        view,
      ),
      streakDays: streak(new Set(usage.filter((day) => day.usedSeconds > 0).map((day) => day.date)), today),
      nextLessons: nextLessons(progress, view),
    };
  }
}

const subjectOf = (view: CatalogueView, lessonId: string): string | null => {
  const placement = view.lessons.get(lessonId)?.placement;
  return placement?.kind === 'textbook' ? placement.subjectId : null;
};

function dayOf(date: string, heartbeats: readonly HeartbeatRecord[], view: CatalogueView) {
  const bySubject = new Map<string | null, number>();
  for (const heartbeat of heartbeats) {
    if (heartbeat.date !== date) continue;
    const subjectId = subjectOf(view, heartbeat.lessonId);
    bySubject.set(subjectId, (bySubject.get(subjectId) ?? 0) + heartbeat.watchedSeconds);
  }
  const subjects = [...bySubject].map(([subjectId, seconds]) => {
    const name = subjectId ? view.facets.get(subjectId)?.name : undefined;
    return { subjectId, ...(name ? { name } : {}), seconds };
  });
  return { date, seconds: subjects.reduce((sum, subject) => sum + subject.seconds, 0), subjects };
}

function summaries(lessonIds: readonly string[], view: CatalogueView): LessonSummary[] {
  return lessonIds.flatMap((id) => {
    const lesson = view.lessons.get(id);
    return lesson ? [toLessonSummary(lesson, view)] : [];
  });
}

/** Days in a row with watching, up to today (or yesterday, while today has none yet). */
function streak(watchedDates: ReadonlySet<string>, today: string): number {
  let day = watchedDates.has(today) ? today : addDays(today, -1);
  let count = 0;
  while (watchedDates.has(day)) {
    count += 1;
    day = addDays(day, -1);
  }
  return count;
}

/** Per subject, from the most recent watching: the lesson to finish, or the one after it in textbook order. */
function nextLessons(progress: readonly ProgressRecord[], view: CatalogueView): LessonSummary[] {
  const seenSubjects = new Set<string | null>();
  const next: string[] = [];
  for (const record of progress) {
    const lesson = view.lessons.get(record.lessonId);
    if (!lesson || next.length >= NEXT_LESSONS) continue;
    const subjectId = subjectOf(view, lesson.id);
    if (seenSubjects.has(subjectId)) continue;
    seenSubjects.add(subjectId);
    const placement = lesson.placement;
    const scope =
      placement.kind === 'textbook'
        ? { textbookId: placement.textbookId }
        : { sectionId: placement.sectionId };
    const candidate = record.completed ? view.lessons.neighbours(lesson.sortKey, scope).next : lesson;
    if (candidate && !next.includes(candidate.id)) next.push(candidate.id);
  }
  return summaries(next, view);
}
