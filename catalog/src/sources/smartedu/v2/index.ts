import { FacetRegistry } from './map-facets.ts';
import { mapLesson, titleOf } from './map-lesson.ts';
import { mapChapterTree, mapTextbook, placeInTree } from './map-textbook.ts';
import {
  ChapterTreeSchema,
  LessonListEntrySchema,
  LessonRecordSchema,
  PartsListSchema,
  TagTreeSchema,
  TextbookEntrySchema,
} from './source-schemas.ts';

/** Everything that reads and maps format version 2. A later format gets its own folder and entry. */
export const smarteduMapperV2 = {
  formatVersion: 2,
  schemas: {
    tagTree: TagTreeSchema,
    textbookEntry: TextbookEntrySchema,
    chapterTree: ChapterTreeSchema,
    partsList: PartsListSchema,
    lessonRecord: LessonRecordSchema,
    lessonListEntry: LessonListEntrySchema,
  },
  createFacetRegistry: () => new FacetRegistry(),
  mapChapterTree,
  mapTextbook,
  placeInTree,
  mapLesson,
  titleOf,
} as const;

export type SmarteduMapper = typeof smarteduMapperV2;
