import { IdSchema, LocalizedTextSchema } from '@ketang/catalog';
import { z } from 'zod';

export const TextSchema = LocalizedTextSchema.meta({
  id: 'Text',
  description: 'Chinese (zh) and, where known, English (en)',
});
export type Text = z.infer<typeof TextSchema>;

export const NamedRefSchema = z.object({ id: IdSchema, name: TextSchema }).meta({ id: 'NamedRef' });
export const TitledRefSchema = z.object({ id: IdSchema, title: TextSchema }).meta({ id: 'TitledRef' });
export type NamedRef = z.infer<typeof NamedRefSchema>;
export type TitledRef = z.infer<typeof TitledRefSchema>;

export const IdParamsSchema = z.strictObject({ id: IdSchema });

/** A region is `national` or a province code (`jx`, `gd`…). */
export const RegionSchema = z
  .string()
  .regex(/^(national|[a-z]{2,8})$/, 'a region is "national" or a code like "jx"');

/** Every device read takes the box's region; its operators' curation decides what it sees. */
export const RegionQuerySchema = z.strictObject({
  region: RegionSchema.optional().meta({
    description: "The box's region (a province code such as `jx`); without it, the national view",
  }),
});

/** A carrier (`cmcc`, `ctcc`, …) or `all`, the release every carrier of the region gets by default. */
/** A carrier's id, one rule everywhere (its configuration, activations, releases): `jx-telecom`. */
export const CarrierIdSchema = z
  .string()
  .regex(/^[a-z][a-z0-9-]{1,39}$/, 'expected a carrier id: lower-case letters, digits and dashes');
/** A release's carrier: one carrier's id, or `all` (every carrier of the region). */
export const CarrierSchema = z
  .string()
  .regex(/^(all|[a-z][a-z0-9-]{1,39})$/, 'a carrier is "all" or a carrier id like "jx-telecom"');
export const ALL_CARRIERS = 'all';

/** A device read of channels: the box's region and carrier choose the release it sees. */
export const ChannelScopeQuerySchema = RegionQuerySchema.extend({
  carrier: CarrierSchema.optional().meta({
    description: "The box's carrier; without it, the region's release for every carrier",
  }),
});

export const ErrorResponseSchema = z
  .object({
    error: z.object({
      code: z.string(),
      message: z.string(),
      details: z.array(
        z.object({
          path: z.string(),
          message: z.string(),
          // Where a problem lies in what was sent: a slot's index in a timetable write; a spreadsheet's row
          // (1 is the header, 0 the whole file) and column, with a code the console translates.
          index: z.number().int().min(0).optional(),
          row: z.number().int().min(0).optional(),
          column: z.string().nullable().optional(),
          code: z.string().optional(),
        }),
      ),
      requestId: z.string(),
    }),
  })
  .meta({ id: 'Error' });
export type ErrorResponse = z.infer<typeof ErrorResponseSchema>;

/** Where a child is in a lesson: what a tile's progress bar draws (family home only). */
export const LessonProgressBarSchema = z
  .object({ positionSeconds: z.number(), durationSeconds: z.number(), completed: z.boolean() })
  .meta({ id: 'LessonProgressBar' });

/**
 * What a lesson's picture is, decided where the picture is chosen (content-api `lessonPicture`):
 * `video-frame`, a frame of the lesson's own packaged video; `upstream-image`, the upstream platform's picture
 * from a host an operator allowed; `generated-cover`, a cover the API drew from the subject colour, grade and
 * title. A generated cover already shows the title, so a tile need not caption it again.
 */
export const PICTURE_KINDS = ['video-frame', 'upstream-image', 'generated-cover'] as const;
export const PictureKindSchema = z.enum(PICTURE_KINDS).meta({ id: 'PictureKind' });
export type PictureKind = z.infer<typeof PictureKindSchema>;

export const LessonSummarySchema = z
  .object({
    id: IdSchema,
    title: TextSchema,
    durationSeconds: z.number(),
    thumbnailUrl: z.string().optional(),
    pictureKind: PictureKindSchema.optional().meta({
      description: 'What thumbnailUrl shows; present with it',
    }),
    teachers: z.array(z.string()),
    periodCount: z.number().int(),
    /** decidePlayback for a box that decodes H.264 (every box); the lesson read decides for the asking box. */
    playable: z.boolean(),
    subject: NamedRefSchema.optional(),
    grade: NamedRefSchema.optional(),
    textbookId: IdSchema.optional(),
    sectionId: IdSchema.optional(),
    progress: LessonProgressBarSchema.optional(),
  })
  .meta({ id: 'LessonSummary' });
export type LessonSummary = z.infer<typeof LessonSummarySchema>;
