import { z } from 'zod';
import { ProfileSchema } from './family.schema.ts';
import { RailSchema } from './home.schema.ts';
import { LessonProgressBarSchema, LessonSummarySchema, TextSchema } from './shared.schema.ts';

export const TODAY_REASON_CODES = [
  'continue',
  'on-air',
  'catch-up',
  'this-week',
  'next-in-subject',
  'weak-subject',
] as const;

/** One of a child's today's lessons: the lesson, why it is there, and where to tune in when it is on air. */
export const TodayItemSchema = LessonSummarySchema.extend({
  reason: TextSchema,
  reasonCode: z.enum(TODAY_REASON_CODES),
  /** On air and catch-up items: the grade channel. */
  channelId: z.string().optional(),
  /** On air items: where the broadcast is in the lesson now (join the live picture there). */
  lessonPositionSeconds: z.number().optional(),
}).meta({ id: 'TodayItem' });
export type TodayItem = z.infer<typeof TodayItemSchema>;

/**
 * A profile's home: today's lessons first (each with its progress), then the grade's catalogue rails, sections
 * and channels. The rails' tiles are the grade's, the same for every child (the API keeps them serialised and
 * compressed); the child's progress of their lessons comes apart, in `progress`: `withTileProgress` puts it on
 * the tiles
 * (`@ketang/contract/profile-home-progress`).
 */
export const ProfileHomeSchema = z
  .object({
    profile: ProfileSchema,
    today: z.array(TodayItemSchema),
    rails: z.array(RailSchema),
    progress: z.record(z.string(), LessonProgressBarSchema).meta({
      description: "The child's progress of the lessons on the rails' tiles, by lesson id",
    }),
  })
  .meta({ id: 'ProfileHome' });
export type ProfileHome = z.infer<typeof ProfileHomeSchema>;
