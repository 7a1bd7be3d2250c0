import { FacetKindSchema, IdSchema } from '@ketang/catalog';
import { z } from 'zod';
import { NamedRefSchema, TextSchema } from './shared.schema.ts';

export type FacetNodeOutput = {
  kind: z.infer<typeof FacetKindSchema>;
  id: string;
  name: { zh: string; en?: string };
  count: number;
  children: FacetNodeOutput[];
  textbookIds?: string[];
};

export const FacetNodeSchema: z.ZodType<FacetNodeOutput> = z
  .object({
    kind: FacetKindSchema,
    id: IdSchema,
    name: TextSchema,
    count: z.number().int(),
    get children() {
      return z.array(FacetNodeSchema);
    },
    textbookIds: z.array(IdSchema).optional(),
  })
  .meta({ id: 'FacetNode' });

export const FacetTreeSchema = z.object({ tree: z.array(FacetNodeSchema) }).meta({ id: 'FacetTree' });
export type FacetTree = z.infer<typeof FacetTreeSchema>;

export type UnitOutput = {
  id: string;
  title: { zh: string; en?: string };
  lessonCount: number;
  children: UnitOutput[];
};
export const UnitOutputSchema: z.ZodType<UnitOutput> = z
  .object({
    id: IdSchema,
    title: TextSchema,
    lessonCount: z.number().int(),
    get children() {
      return z.array(UnitOutputSchema);
    },
  })
  .meta({ id: 'Unit' });

export const TextbookDetailSchema = z
  .object({
    id: IdSchema,
    title: TextSchema,
    coverUrl: z.string().optional(),
    stage: NamedRefSchema,
    grade: NamedRefSchema.optional(),
    subject: NamedRefSchema,
    edition: NamedRefSchema,
    volume: NamedRefSchema,
    units: z.array(UnitOutputSchema),
  })
  .meta({ id: 'TextbookDetail' });
export type TextbookDetail = z.infer<typeof TextbookDetailSchema>;
