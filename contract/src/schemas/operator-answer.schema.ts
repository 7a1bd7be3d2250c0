// What the operator API answers: the OpenAPI document's response schemas for /v1/operator (the request
// schemas are in operator.schema.ts). Objects are open (extra fields allowed) where the records grow.
import { IdSchema, LocalizedTextSchema } from '@ketang/catalog';
import { z } from 'zod';
import { OPERATOR_ROLES } from './operator.schema.ts';
import { SchoolCalendarSchema, UsualEditionsSchema } from './region-settings.schema.ts';

export const OperatorSchema = z
  .object({
    username: z.string(),
    role: z.enum(OPERATOR_ROLES),
    carrier: z.string().optional(),
    createdAt: z.string(),
  })
  .meta({ id: 'Operator' });

/** An account as the operators list shows it: never its password hash; `lockedUntil` while wrong passwords lock it. */
export const OperatorListSchema = z
  .object({ items: z.array(OperatorSchema.extend({ lockedUntil: z.string().optional() })) })
  .meta({ id: 'OperatorList' });

export const AuditRecordSchema = z
  .object({
    id: z.string(),
    at: z.string(),
    actor: z.string(),
    action: z.string(),
    target: z.string(),
    region: z.string().optional(),
    before: z.unknown().optional(),
    after: z.unknown().optional(),
  })
  .meta({ id: 'AuditRecord' });
export const AuditListSchema = z
  .object({
    items: z.array(AuditRecordSchema),
    next: z
      .string()
      .optional()
      .meta({ description: 'Pass as `cursor` for the next page; absent on the last page' }),
  })
  .meta({ id: 'AuditList' });

export const SyncJobSchema = z
  .object({
    id: z.string(),
    from: z.string(),
    startedBy: z.string(),
    status: z.enum(['running', 'succeeded', 'failed']),
    startedAt: z.string(),
    finishedAt: z.string().optional(),
    progress: z.object({ done: z.number(), total: z.number().optional(), current: z.string().optional() }),
    report: z.record(z.string(), z.unknown()).optional(),
    error: z.string().optional(),
  })
  .meta({ id: 'SyncJob' });

export const RegionSettingsRecordSchema = z
  .object({
    region: z.string(),
    approvalRequired: z.boolean().optional(),
    allowedProviders: z.array(z.string()).optional(),
    usualEditions: UsualEditionsSchema.optional(),
    schoolCalendar: SchoolCalendarSchema.optional(),
  })
  .meta({ id: 'RegionSettingsRecord' });

export const CurationRuleSchema = z
  .object({
    region: z.string(),
    kind: z.enum(['textbook', 'unit', 'lesson']),
    targetId: z.string(),
    hidden: z.boolean().optional(),
    approved: z.boolean().optional(),
    title: LocalizedTextSchema.optional(),
    order: z.number().optional(),
  })
  .meta({ id: 'CurationRule' });

export const RegionStateSchema = z
  .object({
    region: z.string(),
    settings: RegionSettingsRecordSchema,
    rules: z.array(CurationRuleSchema),
    localLessons: z.array(IdSchema),
  })
  .meta({ id: 'RegionState' });

/** A region's own settings and what families in it read (its own, else national, else built-in). */
export const RegionSettingsAnswerSchema = z
  .object({
    region: z.string(),
    settings: RegionSettingsRecordSchema,
    family: z.record(z.string(), z.unknown()),
  })
  .meta({ id: 'RegionSettingsAnswer' });

/** The stored lesson (periods, placement, provenance…) with its region. */
export const LocalLessonSchema = z
  .looseObject({ id: IdSchema, region: z.string(), title: LocalizedTextSchema, durationSeconds: z.number() })
  .meta({ id: 'LocalLesson' });

export const LicensedSourceSchema = z
  .object({
    lessonId: IdSchema,
    type: z.enum(['packaged', 'external-hls']),
    assetId: z.string().optional(),
    url: z.string().optional(),
    keyServiceUrl: z.string().optional(),
    /** Whether the licensee's key token is set; the token itself is never answered. */
    hasKeyToken: z.boolean().optional(),
  })
  .meta({ id: 'LicensedSource' });
