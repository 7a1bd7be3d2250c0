import { z } from 'zod';
import {
  HttpUrlSchema,
  IdSchema,
  IsoDateTimeSchema,
  LocalizedTextSchema,
  ProvenanceSchema,
  RecordStatusSchema,
} from './common.ts';
import { FacetValuesSchema, type FacetValues } from './facets.ts';

export const TeacherSchema = z.object({
  name: z.string().min(1),
  school: z.string().optional(),
  region: z.string().optional(),
});
export type Teacher = z.infer<typeof TeacherSchema>;

/** A class period (课时) of a lesson; single-period lessons have exactly one. */
export const PeriodSchema = z.object({
  id: IdSchema,
  title: LocalizedTextSchema,
  order: z.number().int().min(0),
  durationSeconds: z.number().min(0).optional(),
});
export type Period = z.infer<typeof PeriodSchema>;

export const DOCUMENT_KINDS = [
  'courseware',
  'lesson-plan',
  'learning-task',
  'exercise',
  'textbook',
  'other',
] as const;
export const DocumentSchema = z.object({
  id: IdSchema,
  kind: z.enum(DOCUMENT_KINDS),
  title: LocalizedTextSchema,
  format: z.string().optional(), // pdf, pptx…
  url: HttpUrlSchema.optional(),
  periodId: IdSchema.optional(),
});
export type LessonDocument = z.infer<typeof DocumentSchema>;

export const RENDITION_LABELS = ['2160p', '1080p', '720p', '480p', '360p'] as const;

/**
 * Where a lesson's video comes from: a packaged asset of ours, or an external HLS source. External sources
 * from the national platform are AES-128 encrypted with keys behind its login: unplayable until an operator
 * attaches a licence (a key service they are entitled to) or a packaged asset.
 */
export const VideoSourceSchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('packaged'),
    id: IdSchema,
    assetId: IdSchema,
    periodId: IdSchema.optional(),
  }),
  z.object({
    type: z.literal('external-hls'),
    id: IdSchema,
    periodId: IdSchema.optional(),
    renditions: z
      .array(
        z.object({
          label: z.enum(RENDITION_LABELS),
          height: z.number().int().positive(),
          url: HttpUrlSchema,
        }),
      )
      .min(1),
    encryption: z.enum(['none', 'aes-128', 'drm']),
    licence: z.enum(['not-required', 'required', 'licensed']),
    keyServiceUrl: HttpUrlSchema.optional(),
  }),
]);
export type VideoSource = z.infer<typeof VideoSourceSchema>;

/** Where a lesson lives: in a textbook (with its facets and unit path) or in a section (课后服务, 家庭教育…). */
export const TextbookPlacementSchema = FacetValuesSchema.extend({
  kind: z.literal('textbook'),
  textbookId: IdSchema,
  /** Unit ids from the root of the textbook's tree to the leaf the lesson hangs on. */
  unitIds: z.array(IdSchema),
});
export const SectionPlacementSchema = z.object({
  kind: z.literal('section'),
  sectionId: IdSchema,
  categoryId: IdSchema.optional(),
});
export const PlacementSchema = z.discriminatedUnion('kind', [
  TextbookPlacementSchema,
  SectionPlacementSchema,
]);
export type Placement = z.infer<typeof PlacementSchema>;
export type TextbookPlacement = z.infer<typeof TextbookPlacementSchema>;

/** A lesson's place in a textbook: the textbook's facets, on the given unit path. */
export function placementInTextbook(
  textbook: FacetValues & { id: string },
  unitIds: string[],
): TextbookPlacement {
  const { stageId, gradeId, subjectId, editionId, volumeId } = textbook;
  return {
    kind: 'textbook',
    textbookId: textbook.id,
    stageId,
    gradeId,
    subjectId,
    editionId,
    volumeId,
    unitIds,
  };
}

export const LessonSchema = z.object({
  id: IdSchema,
  title: LocalizedTextSchema,
  description: LocalizedTextSchema.optional(),
  placement: PlacementSchema,
  /** Position within the textbook or section (textbook order). */
  order: z.number().int().min(0),
  periods: z.array(PeriodSchema).min(1),
  teachers: z.array(TeacherSchema),
  providerId: IdSchema.optional(),
  durationSeconds: z.number().min(0),
  thumbnailUrl: HttpUrlSchema.optional(),
  videos: z.array(VideoSourceSchema),
  documents: z.array(DocumentSchema),
  status: RecordStatusSchema,
  provenance: ProvenanceSchema,
  publishedAt: IsoDateTimeSchema.optional(),
});
export type Lesson = z.infer<typeof LessonSchema>;
