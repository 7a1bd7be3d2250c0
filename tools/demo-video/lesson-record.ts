import { z } from 'zod';
import { IdSchema, LocalizedTextSchema } from '@ketang/catalog';
import { RESOLUTION_LABELS, SubjectIdSchema } from './lesson-script.schema.ts';

/** Paths are relative to the output folder and use '/'. */
const RelativePathSchema = z
  .string()
  .regex(/^[\w.-]+(\/[\w.-]+)*$/, 'a relative path inside the output folder');

export const CaptionTrackSchema = z.object({
  language: z.enum(['zh-CN', 'en']),
  file: RelativePathSchema,
});

/** One generated lesson, as listed in manifest.json (and kept beside its files as lesson.json). */
export const LessonRecordSchema = z.object({
  id: IdSchema,
  file: RelativePathSchema,
  captions: z.array(CaptionTrackSchema).min(1),
  durationSeconds: z.number().positive(),
  resolution: z.object({
    label: z.enum(RESOLUTION_LABELS),
    width: z.number().int().positive(),
    height: z.number().int().positive(),
  }),
  fps: z.number().positive(),
  videoCodec: z.literal('h264'),
  audioCodec: z.literal('aac'),
  subject: z.object({ id: SubjectIdSchema, name: LocalizedTextSchema }),
  grade: z.object({ level: z.number().int().min(1).max(6), name: LocalizedTextSchema }),
  title: LocalizedTextSchema,
  scriptHash: z.string().regex(/^[0-9a-f]{64}$/),
});
export type LessonRecord = z.infer<typeof LessonRecordSchema>;

export const DemoManifestSchema = z.object({
  version: z.literal(1),
  lessons: z.array(LessonRecordSchema),
});
export type DemoManifest = z.infer<typeof DemoManifestSchema>;

export const MANIFEST_FILE = 'manifest.json';
export const LESSON_RECORD_FILE = 'lesson.json';
