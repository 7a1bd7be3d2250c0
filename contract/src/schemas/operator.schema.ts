import { HttpUrlSchema, IdSchema, LocalizedTextSchema } from '@ketang/catalog';
import { z } from 'zod';
import { SchoolCalendarSchema, UsualEditionsSchema } from './region-settings.schema.ts';
import { OPERATOR_ROLES } from './operator-abilities.ts';
import { CarrierIdSchema, RegionSchema } from './shared.schema.ts';

export * from './operator-abilities.ts';

export const LoginBodySchema = z.strictObject({
  username: z.string().min(1).max(64),
  password: z.string().min(1).max(256),
});
export const SessionSchema = z
  .object({ token: z.string(), role: z.enum(OPERATOR_ROLES), expiresAt: z.string() })
  .meta({ id: 'OperatorSession' });

export const CreateOperatorBodySchema = z
  .strictObject({
    username: z
      .string()
      .regex(/^[a-z][a-z0-9_-]{1,31}$/, 'a username is 2–32 lower-case letters, digits, "_" or "-"'),
    password: z.string().min(12, 'a password has at least 12 characters').max(256),
    role: z.enum(OPERATOR_ROLES),
    /** A `carrier` account's carrier: it binds boxes only into the regions that carrier's configuration names. */
    carrier: CarrierIdSchema.optional(),
  })
  .refine((body) => (body.role === 'carrier') === (body.carrier !== undefined), {
    path: ['carrier'],
    message: 'a carrier account names its carrier; other roles have none',
  });

/** What a curation rule applies to, by its path: `/regions/{region}/<kind>/{id}`. */
export const CURATION_KINDS = ['textbooks', 'units', 'lessons'] as const;
export type CurationKind = (typeof CURATION_KINDS)[number];
export const RuleParamsSchema = z.strictObject({ region: RegionSchema, id: IdSchema });
export const RuleBodySchema = z
  .strictObject({
    hidden: z.boolean().optional(),
    approved: z.boolean().optional(),
    title: LocalizedTextSchema.optional(),
    order: z.number().int().min(0).max(999_999).optional(),
  })
  .refine((body) => Object.keys(body).length > 0, 'set at least one of hidden, approved, title, order')
  .meta({ minProperties: 1 });

export const RegionParamsSchema = z.strictObject({ region: RegionSchema });
export const RegionSettingsBodySchema = z.strictObject({
  approvalRequired: z.boolean().optional(),
  allowedProviders: z.array(IdSchema).max(10_000).nullable().optional(),
  /** null removes the region's own, so the national one applies again. */
  usualEditions: UsualEditionsSchema.nullable().optional(),
  schoolCalendar: SchoolCalendarSchema.nullable().optional(),
});
export type RegionSettingsChange = z.infer<typeof RegionSettingsBodySchema>;

export const LocalLessonBodySchema = z.strictObject({
  id: IdSchema,
  title: LocalizedTextSchema,
  textbookId: IdSchema,
  unitIds: z.array(IdSchema).max(16).default([]),
  order: z.number().int().min(0).max(999_999),
  durationSeconds: z.number().min(0).max(86_400),
  assetId: IdSchema.optional(),
});

/** The licensee's own host: a path on the API's origin is no key service. */
const AbsoluteHttpUrlSchema = z
  .string()
  .regex(/^https?:\/\/[^\s/?#]+(\/[^\s]*)?$/, "an absolute http(s) URL (the licensee's key service)");

export const LicensedSourceBodySchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('packaged'), assetId: IdSchema }),
  z.strictObject({
    type: z.literal('external-hls'),
    url: HttpUrlSchema,
    /** Key URIs in the playlists must start with this; the API fetches keys only from under it. */
    keyServiceUrl: AbsoluteHttpUrlSchema,
    /** The licensee's token for its key service, sent as `Authorization: Bearer`; kept on the API only. */
    keyToken: z.string().min(1).max(4096).optional(),
  }),
]);

const AuditDaySchema = z.iso.date('a day is a real date written YYYY-MM-DD');

/** Where a page of the audit log ends: `<at>~<id>` of its last record (the answer's `next`). */
export const AUDIT_CURSOR = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,9})?Z)~([\w-]{1,64})$/;

/** The audit log's filters and paging, newest first (docs/operator-api.md#audit). */
export const AuditQuerySchema = z
  .strictObject({
    limit: z.coerce.number().int().min(1).max(500).default(100),
    cursor: z
      .string()
      .regex(AUDIT_CURSOR, 'a cursor is the `next` of the page before')
      .optional()
      .meta({ description: 'The `next` of the page before: the records after it, newest first' }),
    before: z.string().max(40).optional().meta({
      description: 'Only records before this instant (ISO 8601); `cursor` pages without gaps or repeats',
    }),
    actor: z
      .string()
      .max(64)
      .optional()
      .meta({ description: 'Only this operator\u2019s records (username)' }),
    action: z.string().max(64).optional().meta({ description: 'Only this action, e.g. `release.publish`' }),
    from: AuditDaySchema.optional().meta({
      description: 'Only records on or after this UTC day (YYYY-MM-DD)',
    }),
    to: AuditDaySchema.optional().meta({
      description: 'Only records on or before this UTC day (YYYY-MM-DD)',
    }),
  })
  .refine((query) => !query.from || !query.to || query.from <= query.to, {
    message: '`to` must be on or after `from`',
    path: ['to'],
  });
export type AuditQuery = z.infer<typeof AuditQuerySchema>;

export const SyncBodySchema = z.strictObject({ from: z.string().min(1).max(2048) });
export const JobParamsSchema = z.strictObject({ id: z.string().uuid() });
