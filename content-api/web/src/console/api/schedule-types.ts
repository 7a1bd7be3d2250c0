// The drafts-and-releases and timetable-import answers, from the generated contract (openapi.gen.ts).
import type { components } from '../../shared/api/openapi.gen.ts';

type Schemas = components['schemas'];
export type DraftChannel = Schemas['DraftChannel'];
export type DraftChannelBody = Omit<DraftChannel, 'id' | 'kind'>;
export type DraftSlot = Schemas['DraftSlot'];
export type SlotWeekBody = {
  from: string;
  days: number;
  slots: { start: string; end?: string; lessonId: string }[];
};
export type DraftChanges = Schemas['DraftChanges'];
export type Release = Schemas['Release'];
export type ImportProblem = Schemas['TimetableProblem'];
export type ImportResult = Schemas['TimetableImportResult'];
