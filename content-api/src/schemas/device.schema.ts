import { IdSchema } from '@ketang/catalog';
import { z } from 'zod';

const stat = z.number().min(0).max(1e12).optional();
export const PlaybackEventBodySchema = z.strictObject({
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
    codecFamily: z.enum(['h264', 'hevc', 'av1']).optional(),
    error: z.string().max(500).optional(),
  }),
});
export type PlaybackEventBody = z.infer<typeof PlaybackEventBodySchema>;
