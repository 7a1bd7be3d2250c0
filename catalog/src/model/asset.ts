import { z } from 'zod';
import { CODEC_FAMILIES } from './codec-family.ts';
import { HttpUrlSchema, IdSchema, IsoDateTimeSchema, LocalizedTextSchema } from './common.ts';

export const CodecFamilySchema = z.enum(CODEC_FAMILIES);

export const VideoRenditionSchema = z.object({
  id: z.string().min(1),
  codecFamily: CodecFamilySchema,
  /** RFC 6381 codec string as the manifests declare it, e.g. `avc1.640028`, `hvc1.1.6.L150.90`, `av01.0.08M.08`. */
  codecs: z.string().min(1),
  width: z.number().int().positive(),
  height: z.number().int().positive(),
  frameRate: z.number().positive(),
  /** Declared peak bandwidth in bits per second. */
  bandwidth: z.number().int().positive(),
  averageBandwidth: z.number().int().positive().optional(),
});
export type VideoRendition = z.infer<typeof VideoRenditionSchema>;

export const AudioRenditionSchema = z.object({
  id: z.string().min(1),
  codecs: z.string().min(1),
  language: z.string().min(2),
  channels: z.number().int().positive(),
  bandwidth: z.number().int().positive(),
});

export const CaptionTrackSchema = z.object({
  language: z.string().min(2), // BCP 47: zh-CN, en
  label: LocalizedTextSchema,
  /** Side-loadable WebVTT, besides the tracks inside the manifests. */
  url: HttpUrlSchema.optional(),
});
export type CaptionTrack = z.infer<typeof CaptionTrackSchema>;

/** A title packaged by our packager: CMAF segments behind a DASH MPD and an HLS master playlist. */
export const PackagedAssetSchema = z.object({
  id: IdSchema,
  title: LocalizedTextSchema.optional(),
  durationSeconds: z.number().positive(),
  dashUrl: HttpUrlSchema,
  hlsUrl: HttpUrlSchema,
  renditions: z.array(VideoRenditionSchema).min(1),
  audio: z.array(AudioRenditionSchema),
  captions: z.array(CaptionTrackSchema),
  /** WebVTT track whose cues point at regions of thumbnail sprite sheets (for scrub previews). */
  thumbnailsUrl: HttpUrlSchema.optional(),
  posterUrl: HttpUrlSchema.optional(),
  hasTrickPlay: z.boolean(),
  encryption: z.enum(['none', 'cenc']),
  createdAt: IsoDateTimeSchema,
});
export type PackagedAsset = z.infer<typeof PackagedAssetSchema>;
