import { z } from 'zod';
import { LessonSummarySchema, NamedRefSchema, RegionQuerySchema } from './shared.schema.ts';

export const SearchQuerySchema = RegionQuerySchema.extend({
  q: z.string().trim().min(1, 'q is required').max(64, 'q is at most 64 characters'),
  limit: z.coerce.number().int().min(1).max(50).default(20),
});

export const SearchResultSchema = z
  .object({ query: z.string(), subjects: z.array(NamedRefSchema), lessons: z.array(LessonSummarySchema) })
  .meta({ id: 'SearchResult' });
export type SearchResult = z.infer<typeof SearchResultSchema>;
