// The drafts-and-releases answers, as the h-releases / h-ttimport contract describes them. These routes are
// not in the generated document on this branch yet; once they are, these aliases point at
// `components['schemas'][…]` of openapi.gen.ts instead (one place to change).
import type { LocalizedText } from '../../shared/i18n/i18n.ts';

export type DraftChannel = {
  id: string;
  title: LocalizedText;
  description?: LocalizedText;
  gradeIds: string[];
  catchUpHours: number;
  timeZone: string;
  order: number;
};
export type DraftChannelBody = Omit<DraftChannel, 'id'>;

export type DraftSlot = {
  id?: string;
  start: string;
  end: string;
  lessonId: string;
  lesson?: { title: LocalizedText; durationSeconds: number; playable: boolean };
};
export type SlotWeekBody = {
  from: string;
  days: number;
  slots: { start: string; end?: string; lessonId: string }[];
};

export type DraftChange = { kind?: string; action?: string; target?: string; summary?: string } & Record<
  string,
  unknown
>;

export type Release = {
  version: number;
  state: 'current' | 'scheduled' | 'past';
  createdBy: string;
  createdAt?: string;
  publishAt: string;
  note?: string;
  counts?: Record<string, number>;
  rolledBackFrom?: number;
};

export type ImportProblem = { row: number; column: string; code: string; message: string };
