import { z } from 'zod';
import { IdSchema, LocalizedTextSchema } from './common.ts';

/** An institution that made lessons (a school, a provincial teaching-research office, a publisher). */
export const ProviderSchema = z.object({
  id: IdSchema,
  name: LocalizedTextSchema,
  region: z.string().optional(),
});
export type Provider = z.infer<typeof ProviderSchema>;
