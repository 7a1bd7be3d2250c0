import { CaptionTrackSchema, CodecFamilySchema, DOCUMENT_KINDS, IdSchema } from '@ketang/catalog';
import { z } from 'zod';
import {
  LessonSummarySchema,
  NamedRefSchema,
  RegionQuerySchema,
  TextSchema,
  TitledRefSchema,
} from './shared.schema.ts';

const OptionalId = IdSchema.optional();

export const LessonListQuerySchema = RegionQuerySchema.extend({
  stage: OptionalId,
  grade: OptionalId,
  subject: OptionalId,
  edition: OptionalId,
  volume: OptionalId,
  textbook: OptionalId,
  unit: OptionalId,
  section: OptionalId,
  category: OptionalId,
  limit: z.coerce.number().int().min(1).max(100).default(20),
  cursor: z
    .string()
    .max(512)
    // base64url of a sort key "t|…" or "u|…" (content-api lesson.service.ts): any such string is a position.
    .regex(/^d[HX][w-z][A-Za-z0-9_-]*$/, 'a cursor is the nextCursor of a previous page')
    .optional(),
});
export type LessonListQuery = z.infer<typeof LessonListQuerySchema>;

export const LessonPageSchema = z
  .object({ items: z.array(LessonSummarySchema), nextCursor: z.string().nullable() })
  .meta({ id: 'LessonPage' });
export type LessonPage = z.infer<typeof LessonPageSchema>;

export const PlaybackSchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('packaged'),
    assetId: IdSchema,
    dashUrl: z.string(),
    hlsUrl: z.string(),
    durationSeconds: z.number(),
    renditions: z.array(
      z.object({
        codecFamily: CodecFamilySchema,
        codecs: z.string(),
        width: z.number(),
        height: z.number(),
        bandwidth: z.number(),
        frameRate: z.number(),
      }),
    ),
    captions: z.array(CaptionTrackSchema),
    thumbnailsUrl: z.string().optional(),
    posterUrl: z.string().optional(),
  }),
  z.object({ type: z.literal('external-hls'), url: z.string(), keyServiceUrl: z.string().optional() }),
]);
export type Playback = z.infer<typeof PlaybackSchema>;
export type PackagedPlayback = Extract<Playback, { type: 'packaged' }>;
export type ExternalPlayback = Extract<Playback, { type: 'external-hls' }>;
export type Rendition = PackagedPlayback['renditions'][number];

export const PlayabilitySchema = z.discriminatedUnion('playable', [
  z.object({ playable: z.literal(true) }),
  z.object({ playable: z.literal(false), reason: z.object({ code: z.string(), message: TextSchema }) }),
]);
export type Playability = z.infer<typeof PlayabilitySchema>;

export const LessonDetailSchema = z
  .object({
    id: IdSchema,
    title: TextSchema,
    description: TextSchema.optional(),
    durationSeconds: z.number(),
    thumbnailUrl: z.string().optional(),
    teachers: z.array(z.object({ name: z.string(), school: z.string().optional() })),
    provider: NamedRefSchema.optional(),
    stage: NamedRefSchema.optional(),
    grade: NamedRefSchema.optional(),
    subject: NamedRefSchema.optional(),
    edition: NamedRefSchema.optional(),
    volume: NamedRefSchema.optional(),
    textbook: TitledRefSchema.optional(),
    unitPath: z.array(TitledRefSchema),
    section: TitledRefSchema.optional(),
    periods: z.array(
      z.object({
        id: IdSchema,
        title: TextSchema,
        order: z.number(),
        durationSeconds: z.number().optional(),
      }),
    ),
    documents: z.array(
      z.object({
        id: IdSchema,
        kind: z.enum(DOCUMENT_KINDS),
        title: TextSchema,
        format: z.string().optional(),
        url: z.string().optional(),
      }),
    ),
    playability: PlayabilitySchema,
    playback: PlaybackSchema.optional(),
    previous: LessonSummarySchema.optional(),
    next: LessonSummarySchema.optional(),
    related: z.array(LessonSummarySchema),
  })
  .meta({ id: 'LessonDetail' });
export type LessonDetail = z.infer<typeof LessonDetailSchema>;
