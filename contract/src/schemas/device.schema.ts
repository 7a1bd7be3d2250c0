import { CodecFamilySchema, IdSchema } from '@ketang/catalog';
import { z } from 'zod';
import { LessonSummarySchema } from './shared.schema.ts';

export const DeviceIdSchema = z
  .string()
  .regex(/^[A-Za-z0-9_-]{4,64}$/, 'a device id is 4–64 letters, digits, "_" or "-"');

export const DeviceParamsSchema = z.strictObject({ deviceId: DeviceIdSchema });
export const ProgressParamsSchema = z.strictObject({ deviceId: DeviceIdSchema, lessonId: IdSchema });

export const ProgressBodySchema = z.strictObject({
  positionSeconds: z.number().min(0).max(86_400),
  durationSeconds: z.number().min(0).max(86_400),
});

export const ProgressSchema = z
  .object({
    lessonId: IdSchema,
    positionSeconds: z.number(),
    durationSeconds: z.number(),
    updatedAt: z.string(),
  })
  .meta({ id: 'Progress' });
export type Progress = z.infer<typeof ProgressSchema>;

export const ProgressListSchema = z
  .object({ items: z.array(ProgressSchema.extend({ lesson: LessonSummarySchema })) })
  .meta({ id: 'ProgressList' });
export type ProgressList = z.infer<typeof ProgressListSchema>;

const stat = z.number().min(0).max(1e12).optional();
export const PlaybackEventBodySchema = z.strictObject({
  deviceId: DeviceIdSchema,
  lessonId: IdSchema.optional(),
  kind: z.literal('playback'),
  stats: z.strictObject({
    timeToFirstFrameMs: stat,
    stalls: stat,
    stallSeconds: stat,
    droppedFrames: stat,
    decodedFrames: stat,
    estimatedBandwidth: stat,
    switches: stat,
    height: stat,
    codecFamily: CodecFamilySchema.optional(),
    error: z.string().max(500).optional(),
  }),
});
export type PlaybackEventBody = z.infer<typeof PlaybackEventBodySchema>;
export type PlaybackStats = PlaybackEventBody['stats'];

export const EventAcceptedSchema = z.object({ accepted: z.literal(true), id: z.string() });
export type EventAccepted = z.infer<typeof EventAcceptedSchema>;
