import { IdSchema } from '@ketang/catalog';
import { z } from 'zod';
import { LessonSummarySchema, TextSchema } from './shared.schema.ts';

export const ReportQuerySchema = z.strictObject({
  profileId: IdSchema,
  week: z.iso.date().optional().meta({
    description: 'Any date of the week (Monday to Sunday); default this week in the household time zone',
  }),
});

const SubjectSecondsSchema = z.object({
  /** null: lessons outside textbooks (sections such as 课后服务). */
  subjectId: z.string().nullable(),
  name: TextSchema.optional(),
  seconds: z.number(),
});

export const WeekReportSchema = z
  .object({
    profileId: z.string(),
    week: z.object({ start: z.string(), end: z.string() }),
    days: z.array(
      z.object({ date: z.string(), seconds: z.number(), subjects: z.array(SubjectSecondsSchema) }),
    ),
    totalSeconds: z.number(),
    completedLessons: z.array(LessonSummarySchema),
    streakDays: z.number(),
    nextLessons: z.array(LessonSummarySchema),
  })
  .meta({ id: 'WeekReport' });
export type WeekReport = z.infer<typeof WeekReportSchema>;
