import { z } from 'zod';
import { FacetValuesSchema } from './facets.ts';
import {
  HttpUrlSchema,
  IdSchema,
  LocalizedTextSchema,
  ProvenanceSchema,
  RecordStatusSchema,
} from './common.ts';

/** One node of a textbook's unit/chapter tree (单元 → 课 → 节). */
export interface Unit {
  id: string;
  title: { zh: string; en?: string };
  order: number;
  children: Unit[];
}
export const UnitSchema: z.ZodType<Unit> = z.lazy(() =>
  z.object({
    id: IdSchema,
    title: LocalizedTextSchema,
    order: z.number().int().min(0),
    children: z.array(UnitSchema),
  }),
);

export const TextbookSchema = FacetValuesSchema.extend({
  id: IdSchema,
  title: LocalizedTextSchema,
  /** New-curriculum (新教材) or old textbook, from the platform's `zxxxjjc` dimension. */
  isNewCurriculum: z.boolean().optional(),
  coverUrl: HttpUrlSchema.optional(),
  units: z.array(UnitSchema),
  /** Position among textbooks with the same facets. */
  order: z.number().int().min(0),
  status: RecordStatusSchema,
  provenance: ProvenanceSchema,
});
export type Textbook = z.infer<typeof TextbookSchema>;
