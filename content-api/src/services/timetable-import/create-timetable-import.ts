import type { CatalogueViews } from '../catalogue-view.ts';
import type { DraftService } from '../releases/draft.service.ts';
import { gradeLessons } from './grade-lessons.ts';
import { TimetableImportService } from './timetable-import.service.ts';

/** The import over the drafts (its channel and its one write) and the region's catalogue view (its lessons). */
export function createTimetableImportService(
  drafts: DraftService,
  views: CatalogueViews,
): TimetableImportService {
  return new TimetableImportService({
    findChannel: async (principal, scope, channelId) =>
      (await drafts.listChannels(principal, scope)).items.find((channel) => channel.id === channelId),
    lessonsOf: async (region, gradeIds) => gradeLessons(await views.current(region), gradeIds),
    replaceDraftSlots: (principal, scope, channelId, change) =>
      drafts.replaceDraftSlots(principal, scope, channelId, change),
  });
}
