// Packaging from the console (issue 13): a mezzanine file uploaded with tus, then a packaging job that turns it
// into a DASH/HLS ladder, registers the asset and, when asked, attaches it to a lesson (docs/console.md).
import { CodecFamilySchema, IdSchema } from '@ketang/catalog';
import { TextSchema } from './shared.schema.ts';
import { z } from 'zod';

/** A tus upload's id, as the API's tus server names uploads (16 random bytes in hex). */
export const UploadIdSchema = z.string().regex(/^[0-9a-f]{32}$/, 'an upload id is 32 hex digits');
export const UploadParamsSchema = z.strictObject({ id: UploadIdSchema });

/** The rung heights a job may ask for; the packager never makes a rung taller than the source. */
export const PACKAGING_HEIGHTS = [144, 240, 360, 540, 720, 1080, 1440, 2160] as const;

export const CreatePackagingJobBodySchema = z.strictObject({
  uploadId: UploadIdSchema,
  /** The lesson the packaged asset becomes the video of (a licensed source of type `packaged`). */
  lessonId: IdSchema.optional(),
  /** Codec families; H.264 is always included and first. Default: every family. */
  families: z.array(CodecFamilySchema).min(1).max(3).optional(),
  /** Rung heights for every family; default: each family's standard ladder. */
  heights: z
    .array(z.union(PACKAGING_HEIGHTS.map((height) => z.literal(height))))
    .min(1)
    .max(PACKAGING_HEIGHTS.length)
    .optional(),
});
export type CreatePackagingJobBody = z.infer<typeof CreatePackagingJobBodySchema>;

export const PackagingJobParamsSchema = z.strictObject({ id: z.uuid() });

export const PACKAGING_JOB_STATES = ['queued', 'running', 'done', 'failed'] as const;

/** One rendition's measured quality: average bits against SSIM and PSNR (the packager's sampled analysis). */
export const PackagingRungQualitySchema = z.object({
  id: z.string(),
  family: CodecFamilySchema,
  height: z.number(),
  averageKbps: z.number(),
  ssim: z.number().optional(),
  psnr: z.number().optional(),
});

export const PackagingJobSchema = z
  .object({
    id: z.string(),
    uploadId: z.string(),
    fileName: z.string(),
    lessonId: z.string().optional(),
    /** The lesson's title when the job was asked for, for the job list. */
    lessonTitle: TextSchema.optional(),
    assetId: z.string(),
    families: z.array(CodecFamilySchema),
    heights: z.array(z.number()).optional(),
    state: z.enum(PACKAGING_JOB_STATES),
    createdBy: z.string(),
    createdAt: z.string(),
    startedAt: z.string().optional(),
    finishedAt: z.string().optional(),
    /** The packager's step under way (e.g. `encode:h264`) and the whole job's share done, 0–100. */
    progress: z.object({ stage: z.string(), percent: z.number() }),
    /** Why the job failed. */
    error: z.string().optional(),
    /** What the packager changed so boxes can play the source (e.g. interlaced → deinterlaced). */
    notes: z.array(z.string()).optional(),
    quality: z.array(PackagingRungQualitySchema).optional(),
  })
  .meta({ id: 'PackagingJob' });
export type PackagingJob = z.infer<typeof PackagingJobSchema>;

export const PackagingJobListSchema = z
  .object({ items: z.array(PackagingJobSchema) })
  .meta({ id: 'PackagingJobList' });
