import { IdSchema } from '@ketang/catalog';
import { z } from 'zod';
import { LessonSummarySchema } from './shared.schema.ts';

const seconds = z.number().min(0).max(86_400);

export const HeartbeatSchema = z
  .strictObject({
    id: z.uuid(),
    profileId: IdSchema,
    lessonId: IdSchema,
    periodId: IdSchema.optional(),
    positionSeconds: seconds,
    durationSeconds: seconds,
    /** Seconds actually played since this box's previous heartbeat (an offline box may send up to an hour). */
    watchedSeconds: z.number().min(0).max(3_600),
    rewoundSeconds: seconds.optional(),
    reason: z.enum(['tick', 'pause', 'back', 'stop', 'hidden', 'ended']),
    at: z.iso.datetime({ offset: true }),
  })
  .meta({ id: 'Heartbeat' });
export type Heartbeat = z.infer<typeof HeartbeatSchema>;

export const HeartbeatBatchBodySchema = z.strictObject({
  heartbeats: z.array(HeartbeatSchema).min(1).max(50),
});

export const UsageSchema = z
  .object({
    profileId: z.string(),
    date: z.string(),
    usedSeconds: z.number(),
    quotaSeconds: z.number().nullable(),
    remainingSeconds: z.number().nullable(),
    secondsSinceBreak: z.number(),
    breakDue: z.boolean(),
    breakEndsAt: z.string().nullable(),
    bedtime: z.boolean(),
    allowed: z.boolean(),
    serverTime: z.string(),
  })
  .meta({ id: 'Usage' });
export type Usage = z.infer<typeof UsageSchema>;

export const HeartbeatAnswerSchema = z
  .object({ accepted: z.number(), duplicates: z.number(), usage: z.array(UsageSchema) })
  .meta({ id: 'HeartbeatAnswer' });
export type HeartbeatAnswer = z.infer<typeof HeartbeatAnswerSchema>;

export const LessonProgressSchema = z
  .object({
    lessonId: z.string(),
    periodId: z.string().optional(),
    positionSeconds: z.number(),
    durationSeconds: z.number(),
    watchedSeconds: z.number(),
    rewoundSeconds: z.number(),
    completed: z.boolean(),
    updatedAt: z.string(),
    lesson: LessonSummarySchema.optional(),
  })
  .meta({ id: 'LessonProgress' });
export type LessonProgress = z.infer<typeof LessonProgressSchema>;

export const ProgressListSchema = z
  .object({ items: z.array(LessonProgressSchema) })
  .meta({ id: 'LessonProgressList' });

const ID = '[A-Za-z0-9][A-Za-z0-9._:-]{0,127}';
const LESSON_ID_LIST = new RegExp(`^${ID}(,${ID}){0,99}$`);

export const ProgressQuerySchema = z.strictObject({
  lessonIds: z
    .string()
    .regex(LESSON_ID_LIST, 'comma-separated lesson ids, 1 to 100')
    .transform((value) => value.split(',').filter(Boolean))
    .pipe(z.array(IdSchema).min(1).max(100))
    .optional()
    .meta({ description: 'Comma-separated lesson ids (up to 100); without it, every lesson of the profile' }),
});

export const ExtensionBodySchema = z.strictObject({ minutes: z.number().int().min(5).max(120) });
