import { z } from 'zod';
import { IdSchema, LocalizedTextSchema } from './common.ts';

/**
 * The browse hierarchy of the national platform: stage → grade → subject → edition → volume.
 * Senior high (高中) has no grade level upstream, so a lesson's grade is optional.
 */
export const FACET_KINDS = ['stage', 'grade', 'subject', 'edition', 'volume'] as const;
export const FacetKindSchema = z.enum(FACET_KINDS);
export type FacetKind = z.infer<typeof FacetKindSchema>;

export const SchoolSystemSchema = z.enum(['6-3', '5-4']); // 六三学制 or 五•四学制

export const FacetSchema = z.object({
  id: IdSchema,
  kind: FacetKindSchema,
  name: LocalizedTextSchema,
  /** Position among facets of the same kind (textbook order: 一年级 before 二年级, 上册 before 下册). */
  order: z.number().int().min(0),
  /** A grade belongs to a stage; the other kinds are shared across stages. */
  stageId: IdSchema.optional(),
  schoolSystem: SchoolSystemSchema.optional(),
});
export type Facet = z.infer<typeof FacetSchema>;

/** The facet values of one textbook (and so of each of its lessons). */
export const FacetValuesSchema = z.object({
  stageId: IdSchema,
  gradeId: IdSchema.optional(),
  subjectId: IdSchema,
  editionId: IdSchema,
  volumeId: IdSchema,
});
export type FacetValues = z.infer<typeof FacetValuesSchema>;
