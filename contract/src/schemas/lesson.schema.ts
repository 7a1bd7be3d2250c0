import {
  CaptionTrackSchema,
  CODEC_FAMILIES,
  CodecFamilySchema,
  DOCUMENT_KINDS,
  IdSchema,
  type CodecFamily,
} from '@ketang/catalog';
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

const FAMILY = CODEC_FAMILIES.join('|');

/** `GET /v1/lessons/{id}`: the region, and the box's profile (the codec families it decodes). */
export const LessonDetailQuerySchema = RegionQuerySchema.extend({
  codecs: z
    .string()
    .max(64)
    .regex(new RegExp(`^(${FAMILY})(,(${FAMILY}))*$`), 'codec families, comma-separated: h264,hevc,av1')
    .optional()
    .meta({
      description:
        'The codec families the box decodes, comma-separated (`av1,h264`). The API decides what this box plays ' +
        'from them; without it, a box that decodes only H.264.',
    }),
});
export type LessonDetailQuery = z.infer<typeof LessonDetailQuerySchema>;

/** `?codecs=` as a list (validated by LessonDetailQuerySchema); undefined when the box did not say. */
export function parseCodecFamilies(codecs: string | undefined): CodecFamily[] | undefined {
  return codecs ? [...new Set(codecs.split(',') as CodecFamily[])] : undefined;
}

/** `GET /v1/household/playback-keys`: a key of a licensed AES-128 source, asked by a box (docs/security.md). */
export const PlaybackKeyQuerySchema = z.strictObject({
  lesson: IdSchema,
  uri: z
    .url({ protocol: /^https?$/ })
    .max(2048)
    .meta({ description: "The playlist's key URI" }),
});
export type PlaybackKeyQuery = z.infer<typeof PlaybackKeyQuerySchema>;

/**
 * What the box plays, decided by the API for the box's codec families (`?codecs=`): our packaged asset
 * (DASH, pinned to `codecFamily`) or an operator's licensed external HLS source. Present exactly when
 * `playability.playable` is true; the box plays what it is given and decides nothing itself.
 */
export const PlaybackSchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('packaged'),
    /** The family to pin (the best one both the asset and the box have). */
    codecFamily: CodecFamilySchema,
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
  z.object({
    type: z.literal('external-hls'),
    codecFamily: CodecFamilySchema,
    /** The HLS playlist (master or media). */
    url: z.string(),
    /**
     * For AES-128 sources: the API's key endpoint. The box sends each key request there instead, with the
     * playlist's key URI as `uri` and its household credential; the API fetches the key from the licensee's
     * key service with the licensee's token, which never leaves the API (docs/security.md).
     */
    keys: z.object({ url: z.string() }).optional(),
  }),
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
