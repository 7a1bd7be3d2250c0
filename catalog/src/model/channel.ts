import { z } from 'zod';
import { HttpUrlSchema, IdSchema, IsoDateTimeSchema, LocalizedTextSchema } from './common.ts';

/**
 * A linear channel plays a timetable of slots (like the 空中课堂 TV channels, one per grade); a collection is a
 * curated, ordered list of lessons.
 */
export const ChannelSchema = z.object({
  id: IdSchema,
  kind: z.enum(['linear', 'collection']),
  title: LocalizedTextSchema,
  description: LocalizedTextSchema.optional(),
  order: z.number().int().min(0),
  logoUrl: HttpUrlSchema.optional(),
  /** Grades the channel is made for; empty means every grade. */
  gradeIds: z.array(IdSchema),
  /** For collections: the lessons in order. */
  lessonIds: z.array(IdSchema),
  /** IANA zone in which the timetable's dates are days (Asia/Shanghai for Chinese broadcasters). */
  timeZone: z.string().min(1),
});
export type Channel = z.infer<typeof ChannelSchema>;

export const TimetableSlotSchema = z
  .object({
    id: IdSchema,
    channelId: IdSchema,
    lessonId: IdSchema,
    /** Which period of the lesson this slot plays, when the lesson has several. */
    periodId: IdSchema.optional(),
    start: IsoDateTimeSchema,
    end: IsoDateTimeSchema,
    title: LocalizedTextSchema.optional(),
  })
  .refine((slot) => Date.parse(slot.end) > Date.parse(slot.start), {
    message: 'a slot must end after it starts',
    path: ['end'],
  });
export type TimetableSlot = z.infer<typeof TimetableSlotSchema>;
