import { IdSchema } from '@ketang/catalog';
import { z } from 'zod';
import { ChannelScopeQuerySchema, LessonSummarySchema, TextSchema } from './shared.schema.ts';

export const SlotOutputSchema = z
  .object({
    id: IdSchema,
    start: z.string(),
    end: z.string(),
    title: TextSchema,
    lesson: LessonSummarySchema,
    periodId: IdSchema.optional(),
  })
  .meta({ id: 'Slot' });
export type SlotOutput = z.infer<typeof SlotOutputSchema>;

export const ChannelOutputSchema = z
  .object({
    id: IdSchema,
    kind: z.enum(['linear', 'collection']),
    title: TextSchema,
    description: TextSchema.optional(),
    logoUrl: z.string().optional(),
    gradeIds: z.array(IdSchema),
    now: SlotOutputSchema.optional(),
    next: SlotOutputSchema.optional(),
  })
  .meta({ id: 'Channel' });
export type ChannelOutput = z.infer<typeof ChannelOutputSchema>;

export const ChannelListSchema = z
  .object({ items: z.array(ChannelOutputSchema) })
  .meta({ id: 'ChannelList' });
export type ChannelList = z.infer<typeof ChannelListSchema>;

export const TimetableQuerySchema = ChannelScopeQuerySchema.extend({
  date: z.iso.date('a date is a real day written YYYY-MM-DD').optional(),
});

export const TimetableSchema = z
  .object({
    channel: z.object({
      id: IdSchema,
      kind: z.enum(['linear', 'collection']),
      title: TextSchema,
      timeZone: z.string(),
    }),
    date: z.string(),
    slots: z.array(SlotOutputSchema),
  })
  .meta({ id: 'Timetable' });
export type Timetable = z.infer<typeof TimetableSchema>;

export const OnAirSchema = z
  .object({
    now: SlotOutputSchema.nullable(),
    next: SlotOutputSchema.nullable(),
    positionSeconds: z.number(),
    /** Where in the lesson to tune in: a lesson shorter than its slot repeats within it. */
    lessonPositionSeconds: z.number(),
  })
  .meta({ id: 'OnAir' });
export type OnAir = z.infer<typeof OnAirSchema>;
