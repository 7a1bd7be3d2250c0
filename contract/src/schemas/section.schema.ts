import { IdSchema, SectionKindSchema } from '@ketang/catalog';
import { z } from 'zod';
import { TextSchema, TitledRefSchema } from './shared.schema.ts';

export const SectionOutputSchema = z
  .object({
    id: IdSchema,
    kind: SectionKindSchema,
    title: TextSchema,
    categories: z.array(TitledRefSchema),
    lessonCount: z.number().int(),
  })
  .meta({ id: 'Section' });
export type SectionOutput = z.infer<typeof SectionOutputSchema>;

export const SectionListSchema = z
  .object({ items: z.array(SectionOutputSchema) })
  .meta({ id: 'SectionList' });
export type SectionList = z.infer<typeof SectionListSchema>;
