import { z } from 'zod';

/** Stable ids: upstream UUIDs, our own slugs, or both joined by ':' (e.g. `smartedu:…`). */
export const IdSchema = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$/, 'an id is 1–128 letters, digits, ".", "_", ":" or "-"');
export type Id = z.infer<typeof IdSchema>;

/** Every name a family sees is bilingual: Chinese is required, English optional. */
export const LocalizedTextSchema = z.object({
  zh: z.string().trim().min(1, 'a Chinese (zh) text is required'),
  en: z.string().trim().min(1).optional(),
});
export type LocalizedText = z.infer<typeof LocalizedTextSchema>;

export const HttpUrlSchema = z
  .string()
  .regex(/^(https?:\/\/|\/)[^\s]+$/, 'an http(s) URL or a path starting with /');

export const IsoDateTimeSchema = z.iso.datetime({ offset: true });

/** Where a record came from, so a re-sync can tell what changed and an operator can trace it. */
export const ProvenanceSchema = z.object({
  source: z.string().min(1), // e.g. 'smartedu', 'demo', 'local:jx'
  sourceId: z.string().min(1),
  version: z.string().optional(), // upstream module version or content hash
  updatedAt: IsoDateTimeSchema.optional(), // upstream update time
});
export type Provenance = z.infer<typeof ProvenanceSchema>;

/** Retired records vanished upstream: hidden from devices, kept for history and curation. */
export const RecordStatusSchema = z.enum(['active', 'retired']);
export type RecordStatus = z.infer<typeof RecordStatusSchema>;
