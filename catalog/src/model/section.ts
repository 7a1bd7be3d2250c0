import { z } from 'zod';
import { IdSchema, LocalizedTextSchema, ProvenanceSchema, RecordStatusSchema } from './common.ts';

/** Sections beyond the textbook lessons, as the national platform groups them. */
export const SECTION_KINDS = [
  'after-school', // 课后服务
  'family-education', // 家庭教育
  'moral-education', // 德育
  'labour-education', // 劳动教育
  'special-education', // 特殊教育
  'teacher-training', // 教师研修
  'topic', // 专题教育
] as const;
export const SectionKindSchema = z.enum(SECTION_KINDS);
export type SectionKind = z.infer<typeof SectionKindSchema>;

export const SectionSchema = z.object({
  id: IdSchema,
  kind: SectionKindSchema,
  title: LocalizedTextSchema,
  order: z.number().int().min(0),
  /** Sub-categories, e.g. 经典阅读, 科普教育, 文化艺术, 影视教育 under 课后服务. */
  categories: z.array(z.object({ id: IdSchema, title: LocalizedTextSchema, order: z.number().int().min(0) })),
  provenance: ProvenanceSchema,
  /** Absent means active; a section that vanished upstream is retired (hidden from devices, kept). */
  status: RecordStatusSchema.optional(),
});
export type Section = z.infer<typeof SectionSchema>;
