// The family API's answers as the phone page reads them (docs/family.md; content-api's family and report
// schemas). Type-only mirror until those schemas move to the shared contract workspace; then import them
// type-only from there and delete this file.
import type { LocalizedText } from '../i18n/i18n.ts';

export type NamedRef = { id: string; name: LocalizedText };

export type Controls = {
  dailyQuotaMinutes: number | null;
  breakEveryMinutes: number;
  breakMinutes: number;
  bedtime: { start: string; end: string } | null;
  allowList: { subjectIds: string[]; sectionIds: string[] } | null;
};

export type Profile = {
  id: string;
  kind: 'child' | 'adult';
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

export type LessonSummary = {
  id: string;
  title: LocalizedText;
  durationSeconds: number;
  subject?: NamedRef;
  grade?: NamedRef;
  sectionId?: string;
};

export type SubjectSeconds = { subjectId: string | null; name?: LocalizedText; seconds: number };

export type WeekReport = {
  profileId: string;
  week: { start: string; end: string };
  days: { date: string; seconds: number; subjects: SubjectSeconds[] }[];
  totalSeconds: number;
  completedLessons: LessonSummary[];
  streakDays: number;
  nextLessons: LessonSummary[];
};

export type FacetNode = {
  kind: 'stage' | 'grade' | 'subject' | 'edition' | 'volume';
  id: string;
  name: LocalizedText;
  children: FacetNode[];
};

export type Section = { id: string; title: LocalizedText };
