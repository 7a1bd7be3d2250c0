// The drafts-and-releases answers, as the h-releases / h-ttimport contract describes them. These routes are
// not in the generated document on this branch yet; once they are, these aliases point at
// `components['schemas'][…]` of openapi.gen.ts instead (one place to change).
import type { LocalizedText } from '../../shared/i18n/i18n.ts';

export type DraftChannel = {
  id: string;
  kind?: 'linear' | 'collection';
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

type ChangedSlot = { start: string; end: string; lessonId: string };
/** The draft against what the region's boxes see now (`against`: that release, or null for the catalogue). */
export type DraftChanges = {
  region: string;
  against: { region: string; version: number } | null;
  channels: { added: string[]; changed: string[]; removed: string[] };
  slots: { channelId: string; added: ChangedSlot[]; removed: ChangedSlot[] }[];
  hasChanges: boolean;
};

export type Release = {
  version: number;
  state: 'current' | 'scheduled' | 'past';
  createdBy: string;
  createdAt: string;
  publishAt: string;
  note?: string;
  counts: { channels: number; slots: number };
  /** A rollback: the release that was current when it was made, and the one whose content it restores. */
  rolledBackFrom?: number;
  restores?: number;
};

export type ImportProblem = { row: number; column: string; code: string; message: string };
