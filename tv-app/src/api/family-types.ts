// The family API's shapes (docs/family.md; content-api schemas family.schema.ts and progress.schema.ts).
// Hand-written until the TV imports its types from the contract workspace.
import type { LessonSummary, Rail, Text } from './types.ts';

export type ProfileKind = 'child' | 'adult';
export type Controls = {
  dailyQuotaMinutes: number | null;
  breakEveryMinutes: number;
  breakMinutes: number;
  bedtime: { start: string; end: string } | null;
  allowList: { subjectIds: string[]; sectionIds: string[] } | null;
};
export type Profile = {
  id: string;
  kind: ProfileKind;
  name: string;
  avatar: string;
  color: string;
  gradeId?: string;
  editions: Record<string, string>;
  controls: Controls;
};
export type Household = {
  id: string;
  region?: string;
  timeZone: string;
  pinSet: boolean;
  profiles: Profile[];
};
export type CreatedHousehold = { household: Household; token: string; deviceId: string };
export type NewProfile = { kind: ProfileKind; name: string; avatar: string; gradeId?: string };

export type HeartbeatReason = 'tick' | 'pause' | 'back' | 'stop' | 'hidden' | 'ended';
export type Heartbeat = {
  id: string;
  profileId: string;
  lessonId: string;
  periodId?: string;
  positionSeconds: number;
  durationSeconds: number;
  watchedSeconds: number;
  rewoundSeconds?: number;
  reason: HeartbeatReason;
  at: string;
};
export type Usage = {
  profileId: string;
  date: string;
  usedSeconds: number;
  quotaSeconds: number | null;
  remainingSeconds: number | null;
  secondsSinceBreak: number;
  breakDue: boolean;
  breakEndsAt: string | null;
  bedtime: boolean;
  allowed: boolean;
  serverTime: string;
};
export type HeartbeatAnswer = { accepted: number; duplicates: number; usage: Usage[] };

export type LessonProgress = {
  lessonId: string;
  periodId?: string;
  positionSeconds: number;
  durationSeconds: number;
  watchedSeconds: number;
  rewoundSeconds: number;
  completed: boolean;
  updatedAt: string;
  lesson?: LessonSummary;
};

/** A lesson of today's list with its one-line reason (the server words it in both languages). */
export type TodayItem = LessonSummary & {
  reason: Text;
  reasonCode: string;
  channelId?: string;
  lessonPositionSeconds?: number;
};
/** A child's home: today's lessons, then the catalogue rails (lesson summaries may carry `progress`). */
export type ProfileHome = { profile?: Profile; today: TodayItem[]; rails: Rail[] };
