import { z } from 'zod';
import { IdSchema, LocalizedTextSchema } from '@ketang/catalog';

/** Output heights the generator renders; 1080p for every lesson unless a script asks for 4K or 8K. */
export const RESOLUTION_LABELS = ['1080p', '2160p', '4320p'] as const;
export type ResolutionLabel = (typeof RESOLUTION_LABELS)[number];

export const SUBJECT_IDS = ['math', 'chinese', 'english', 'science', 'art', 'music'] as const;
export const SubjectIdSchema = z.enum(SUBJECT_IDS);
export type SubjectId = z.infer<typeof SubjectIdSchema>;

const GRADE_KEYS = ['1', '2', '3', '4', '5', '6'] as const;

const TextSchema = z.string().trim().min(1);

/** One sentence spoken over a slide: Chinese always, English for some slides (then spoken after it). */
export const NarrationSchema = z.object({ zh: TextSchema, en: TextSchema.optional() });
export type Narration = z.infer<typeof NarrationSchema>;

export const SlideSchema = z.object({
  heading: TextSchema,
  bullets: z.array(TextSchema).min(1).max(4),
  narration: NarrationSchema,
});
export type Slide = z.infer<typeof SlideSchema>;

export const LessonScriptSchema = z.object({
  id: IdSchema,
  subject: SubjectIdSchema,
  grade: z.number().int().min(1).max(6),
  title: LocalizedTextSchema.extend({ en: TextSchema }),
  resolution: z.enum(RESOLUTION_LABELS).default('1080p'),
  slides: z.array(SlideSchema).min(1).max(6),
});
export type LessonScript = z.infer<typeof LessonScriptSchema>;

/** The whole lessons.json: display names for subjects and grades, then the lessons. */
export const LessonScriptsFileSchema = z.object({
  version: z.literal(1),
  subjects: z.record(SubjectIdSchema, LocalizedTextSchema),
  grades: z.record(z.enum(GRADE_KEYS), LocalizedTextSchema),
  lessons: z.array(LessonScriptSchema).min(1),
});
export type LessonScriptsFile = z.infer<typeof LessonScriptsFileSchema>;
