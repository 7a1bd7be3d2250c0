import { IdSchema } from '@ketang/catalog';
import { z } from 'zod';
import { ChannelOutputSchema } from './channel.schema.ts';
import { SectionOutputSchema } from './section.schema.ts';
import { ChannelScopeQuerySchema, LessonSummarySchema, TextSchema } from './shared.schema.ts';

export const HomeQuerySchema = ChannelScopeQuerySchema.extend({
  stage: IdSchema.optional(),
  grade: IdSchema.optional(),
});

export const RailSchema = z
  .discriminatedUnion('kind', [
    z.object({
      id: z.string(),
      kind: z.literal('lessons'),
      title: TextSchema,
      items: z.array(LessonSummarySchema),
    }),
    z.object({
      id: z.string(),
      kind: z.literal('sections'),
      title: TextSchema,
      items: z.array(SectionOutputSchema),
    }),
    z.object({
      id: z.string(),
      kind: z.literal('channels'),
      title: TextSchema,
      items: z.array(ChannelOutputSchema),
    }),
  ])
  .meta({ id: 'Rail' });
export type Rail = z.infer<typeof RailSchema>;

export const HomeSchema = z.object({ rails: z.array(RailSchema) }).meta({ id: 'Home' });
export type Home = z.infer<typeof HomeSchema>;
