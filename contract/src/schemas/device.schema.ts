import { CodecFamilySchema, IdSchema } from '@ketang/catalog';
import { z } from 'zod';

const stat = z.number().min(0).max(1e12).optional();
/** A box's own words for its model or carrier: short, printable, no separators the dashboards key on. */
const deviceLabel = z
  .string()
  .regex(/^[\p{L}\p{N} ._()+-]{1,64}$/u, 'up to 64 letters, digits, spaces or ._()+-')
  .optional();
export const PlaybackEventBodySchema = z.strictObject({
  lessonId: IdSchema.optional(),
  kind: z.literal('playback'),
  /** The box's model and carrier (the operators' QoE dashboards group by them; "unknown" when absent). */
  deviceModel: deviceLabel,
  carrier: deviceLabel,
  stats: z.strictObject({
    timeToFirstFrameMs: stat,
    /** Seconds of video played in this session (with stallSeconds, the stall ratio). */
    playSeconds: stat,
    /** The played rendition's bitrate, bits per second. */
    bitrate: stat,
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
