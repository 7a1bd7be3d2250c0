import type { LessonIndex } from '../lesson-index.ts';
import { zonedDate } from '../time-zone.ts';
import type { LessonSummaryRecord } from '../../stores/lesson.store.ts';
import type { Controls } from '@ketang/contract';
import { isLessonAllowed } from './controls.ts';
import { dayNumber } from './calendar.ts';
import { planSubject, type LessonProgressLike, type SubjectPlan, type Weakness } from './subject-plan.ts';
import type { TeachingWeek } from './teaching-week.ts';
import type { GradeTextbooks } from './textbook-order.ts';

/** Why a lesson is in today's list; the texts are in `messages/today.json` (see `today-reasons.ts`). */
export type TodayReason =
  | { code: 'continue'; positionSeconds: number }
  | { code: 'on-air' }
  | { code: 'catch-up'; daysAgo: number }
  | { code: 'this-week'; week: number; subjectId: string }
  | { code: 'next-in-subject'; subjectId: string }
  | { code: 'weak-subject'; subjectId: string; weakness: Weakness };

export type TodayPlanItem = {
  lesson: LessonSummaryRecord;
  reason: TodayReason;
  /** Seconds of watching the item asks for (the rest of it, for a lesson started or on air). */
  seconds: number;
  channelId?: string;
  lessonPositionSeconds?: number;
};

export type ChannelSlotLike = { channelId: string; lessonId: string; start: string; end: string };

export type TodayInput = {
  now: Date;
  /** The household's time zone: what "yesterday" means for a missed slot. */
  timeZone: string;
  child: { gradeId: string; editions: Readonly<Record<string, string>>; allowList: Controls['allowList'] };
  /** subjectId → editionId for the child's stage (region, else national). */
  usualEditions: Readonly<Record<string, string>>;
  /** The catalogue view's lessons, by id. */
  lessons: Pick<LessonIndex, 'get'>;
  /** The child's grade's textbook lessons in order (`TextbookOrder`, built once per catalogue revision). */
  textbooks: GradeTextbooks;
  progress: readonly LessonProgressLike[];
  /** What the child's grade channel airs now. */
  onAir?: { channelId: string; lessonId: string; lessonPositionSeconds: number };
  /** The grade channel's slots of the last 7 days. */
  recentSlots: readonly ChannelSlotLike[];
  week?: TeachingWeek;
  /** Seconds left of today's quota; null when there is no quota. */
  remainingSeconds: number | null;
};

export const TODAY_LIMITS = { items: 12, continue: 3, catchUp: 3, catchUpDays: 7 } as const;

const subjectOf = (lesson: LessonSummaryRecord) =>
  lesson.placement.kind === 'textbook' ? lesson.placement.subjectId : undefined;

/**
 * Today's lessons for a child, in order: continue (most recent first); on air now and missed slots of the
 * last 7 days; this teaching week's lesson per subject; the next unfinished per subject. Subjects that are
 * behind come first in the last two groups. Lessons the child completed are left out, each lesson appears
 * once, and the total never goes past the remaining quota.
 */
export function planToday(input: TodayInput): TodayPlanItem[] {
  const progress = new Map(input.progress.map((record) => [record.lessonId, record]));
  const visible: Visible = (id) => {
    const lesson = input.lessons.get(id);
    return lesson && isLessonAllowed(input.child, lesson) ? lesson : undefined;
  };
  const isDone = (id: string) => progress.get(id)?.completed === true;
  const subjects = planSubjects(input, progress);
  const candidates: TodayPlanItem[] = [
    ...continueItems(input, visible),
    ...onAirItem(input, visible, isDone),
    ...catchUpItems(input, visible, isDone),
    ...subjects.flatMap((plan) => weeklyItem(plan, input.week)),
    ...subjects.flatMap((plan) => nextItem(plan)),
  ];
  return fitToQuota(candidates, input.remainingSeconds);
}

type Visible = (id: string) => LessonSummaryRecord | undefined;

function continueItems(input: TodayInput, visible: Visible): TodayPlanItem[] {
  return [...input.progress]
    .filter((record) => !record.completed && record.positionSeconds > 0)
    .sort((a, b) => Date.parse(b.updatedAt) - Date.parse(a.updatedAt))
    .flatMap((record): TodayPlanItem[] => {
      const lesson = visible(record.lessonId);
      if (!lesson) return [];
      const seconds = Math.max(0, lesson.durationSeconds - record.positionSeconds);
      return [{ lesson, reason: { code: 'continue', positionSeconds: record.positionSeconds }, seconds }];
    })
    .slice(0, TODAY_LIMITS.continue);
}

/** The lesson on air now on the grade channel, unless the child completed it. */
function onAirItem(input: TodayInput, visible: Visible, isDone: (id: string) => boolean): TodayPlanItem[] {
  if (!input.onAir || isDone(input.onAir.lessonId)) return [];
  const lesson = visible(input.onAir.lessonId);
  if (!lesson) return [];
  const { channelId, lessonPositionSeconds } = input.onAir;
  const seconds = Math.max(0, lesson.durationSeconds - lessonPositionSeconds);
  return [{ lesson, reason: { code: 'on-air' }, seconds, channelId, lessonPositionSeconds }];
}

/** Slots of the last 7 days that have ended, most recent first, one per lesson, skipping lessons completed. */
function catchUpItems(input: TodayInput, visible: Visible, isDone: (id: string) => boolean): TodayPlanItem[] {
  const now = input.now.getTime();
  const today = dayNumber(zonedDate(input.timeZone, input.now));
  const since = now - TODAY_LIMITS.catchUpDays * 86_400_000;
  // Each slot's start parsed once (a week of a channel's slots; the sort compared parsed strings before).
  const missed = input.recentSlots
    .map((slot) => ({ slot, startMs: Date.parse(slot.start) }))
    .filter(({ slot, startMs }) => Date.parse(slot.end) <= now && startMs >= since)
    .sort((a, b) => b.startMs - a.startMs)
    .map(({ slot }) => slot);
  const items: TodayPlanItem[] = [];
  const seen = new Set([input.onAir?.lessonId]);
  for (const slot of missed) {
    if (items.length >= TODAY_LIMITS.catchUp) break;
    const lesson = seen.has(slot.lessonId) || isDone(slot.lessonId) ? undefined : visible(slot.lessonId);
    if (!lesson) continue;
    seen.add(lesson.id);
    const daysAgo = today - dayNumber(zonedDate(input.timeZone, new Date(slot.start)));
    const reason: TodayReason = { code: 'catch-up', daysAgo };
    items.push({ lesson, reason, seconds: lesson.durationSeconds, channelId: slot.channelId });
  }
  return items;
}

/** Each subject of the grade the child may see, behind ones first (least completed first), then in catalogue order. */
function planSubjects(input: TodayInput, progress: ReadonlyMap<string, LessonProgressLike>): SubjectPlan[] {
  const recordsBySubject = new Map<string, LessonProgressLike[]>();
  for (const record of input.progress) {
    const lesson = input.lessons.get(record.lessonId);
    const subjectId = lesson && subjectOf(lesson);
    if (!subjectId) continue;
    const records = recordsBySubject.get(subjectId);
    if (records) records.push(record);
    else recordsBySubject.set(subjectId, [record]);
  }
  const allowed = input.child.allowList?.subjectIds;
  const plans = [...input.textbooks].flatMap(([subjectId, editions]) => {
    if (allowed && !allowed.includes(subjectId)) return [];
    const plan = planSubject({
      subjectId,
      editions,
      wantedEditions: [input.child.editions[subjectId], input.usualEditions[subjectId]],
      week: input.week,
      progress,
      subjectRecords: recordsBySubject.get(subjectId) ?? [],
      now: input.now,
    });
    return plan ? [plan] : [];
  });
  const rank = (plan: SubjectPlan) => (plan.weakness ? 0 : 1);
  // Array.prototype.sort is stable: equal ranks keep catalogue order.
  return plans.sort(
    (a, b) => rank(a) - rank(b) || (a.weakness && b.weakness ? a.completion - b.completion : 0),
  );
}

function weeklyItem(plan: SubjectPlan, week: TeachingWeek | undefined): TodayPlanItem[] {
  if (!plan.thisWeek || !week) return [];
  const reason: TodayReason = plan.weakness
    ? { code: 'weak-subject', subjectId: plan.subjectId, weakness: plan.weakness }
    : { code: 'this-week', week: week.week, subjectId: plan.subjectId };
  return [{ lesson: plan.thisWeek, reason, seconds: plan.thisWeek.durationSeconds }];
}

function nextItem(plan: SubjectPlan): TodayPlanItem[] {
  if (!plan.next) return [];
  // A behind subject says so once: on its weekly item when it has one, else here.
  const reason: TodayReason =
    plan.weakness && !plan.thisWeek
      ? { code: 'weak-subject', subjectId: plan.subjectId, weakness: plan.weakness }
      : { code: 'next-in-subject', subjectId: plan.subjectId };
  return [{ lesson: plan.next, reason, seconds: plan.next.durationSeconds }];
}

/** Each lesson once, in order, up to the item limit, skipping what would go past the remaining quota. */
function fitToQuota(candidates: readonly TodayPlanItem[], remainingSeconds: number | null): TodayPlanItem[] {
  const chosen: TodayPlanItem[] = [];
  const seen = new Set<string>();
  let total = 0;
  for (const candidate of candidates) {
    if (seen.has(candidate.lesson.id) || chosen.length >= TODAY_LIMITS.items) continue;
    seen.add(candidate.lesson.id);
    if (remainingSeconds !== null && total + candidate.seconds > remainingSeconds) continue;
    total += candidate.seconds;
    chosen.push(candidate);
  }
  return chosen;
}
