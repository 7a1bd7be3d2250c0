import { IdSchema, IsoDateTimeSchema, LocalizedTextSchema } from '@ketang/catalog';
import { z } from 'zod';
import { HomeLayoutSchema } from './home-layout.schema.ts';
import { ALL_CARRIERS, CarrierSchema, RegionSchema, TextSchema } from './shared.schema.ts';

/**
 * Channels, timetables and their releases per scope (issue 13): a scope is a region and a carrier; a draft is
 * what operators edit, a release an immutable, versioned snapshot devices read.
 */

export const ScopeQuerySchema = z.strictObject({
  carrier: CarrierSchema.default(ALL_CARRIERS).meta({ description: 'The carrier; default `all`' }),
});
const IANA_ZONE = (zone: string) => {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
};
/** A timetable's day: a real date of this century (the arithmetic on days stays in range). */
const DateSchema = z.iso
  .date('a date is a real day written YYYY-MM-DD')
  .refine((date) => date >= '2000-01-01' && date <= '2099-12-31', 'a date from 2000-01-01 to 2099-12-31');

export const DraftChannelParamsSchema = z.strictObject({ region: RegionSchema, channelId: IdSchema });
export const DraftChannelBodySchema = z.strictObject({
  title: LocalizedTextSchema,
  description: LocalizedTextSchema.optional(),
  /** Grade facets of the catalogue; empty means every grade. */
  gradeIds: z.array(IdSchema).max(32),
  /** How long after a slot ends it can still be watched (a child's "missed on air"). */
  catchUpHours: z.number().int().min(0).max(168),
  timeZone: z.string().refine(IANA_ZONE, 'an IANA time zone such as Asia/Shanghai').default('Asia/Shanghai'),
  order: z.number().int().min(0).max(999_999),
});
export type DraftChannelBody = z.infer<typeof DraftChannelBodySchema>;

export const DraftChannelSchema = z
  .object({
    id: IdSchema,
    kind: z.enum(['linear', 'collection']),
    title: TextSchema,
    description: TextSchema.optional(),
    gradeIds: z.array(IdSchema),
    catchUpHours: z.number().int(),
    timeZone: z.string(),
    order: z.number().int(),
  })
  .meta({ id: 'DraftChannel' });
export type DraftChannel = z.infer<typeof DraftChannelSchema>;
export const DraftChannelListSchema = z.object({ items: z.array(DraftChannelSchema) });

export const DraftSlotsQuerySchema = z.strictObject({
  from: DateSchema,
  days: z.coerce.number().int().min(1).max(62).default(7),
  carrier: CarrierSchema.default(ALL_CARRIERS),
});

export const DraftSlotSchema = z
  .object({
    id: IdSchema,
    start: z.string(),
    end: z.string(),
    lessonId: IdSchema,
    lesson: z.object({ title: TextSchema, durationSeconds: z.number(), playable: z.boolean() }).optional(),
  })
  .meta({ id: 'DraftSlot' });
export const DraftSlotListSchema = z.object({ items: z.array(DraftSlotSchema) });

const SlotInputSchema = z.strictObject({
  start: IsoDateTimeSchema,
  end: IsoDateTimeSchema.optional(),
  lessonId: IdSchema,
});
export const DraftSlotsBodySchema = z.strictObject({
  from: DateSchema,
  days: z.number().int().min(1).max(62),
  slots: z.array(SlotInputSchema).max(5_000),
  /** Copies the days' pattern onto the same ISO weekdays (1 = Monday) of the following weeks until `until`. */
  repeat: z
    .strictObject({
      weekdays: z.array(z.number().int().min(1).max(7)).min(1).max(7),
      until: DateSchema,
    })
    .optional(),
});
export type DraftSlotsBody = z.infer<typeof DraftSlotsBodySchema>;

const ChangedSlotSchema = z.object({ start: z.string(), end: z.string(), lessonId: IdSchema });
const IdChangesSchema = z.object({
  added: z.array(z.string()),
  changed: z.array(z.string()),
  removed: z.array(z.string()),
});
/**
 * What a region's draft curation changes against its published curation. Curation is per region: a release of
 * any carrier of the region publishes it for all of them.
 */
export const CurationChangesSchema = z
  .object({
    /** Rules (hide, approve, rename, reorder) by `kind:targetId`, e.g. `lesson:l-shapes`. */
    rules: IdChangesSchema,
    /** The region's own lessons, by id. */
    localLessons: IdChangesSchema,
    /** Licensed sources, by lesson id. */
    sources: IdChangesSchema,
    /** Whether the approval mode or the provider allow-list changed. */
    settings: z.boolean(),
    hasChanges: z.boolean(),
  })
  .meta({ id: 'CurationChanges' });

export const DraftChangesSchema = z
  .object({
    region: RegionSchema,
    carrier: CarrierSchema,
    /**
     * What the draft is compared with: the release the scope's devices see now (its own, or one it falls
     * back to), or null for the catalogue's channels.
     */
    against: z.object({ region: RegionSchema, carrier: CarrierSchema, version: z.number().int() }).nullable(),
    channels: z.object({
      added: z.array(IdSchema),
      changed: z.array(IdSchema),
      removed: z.array(IdSchema),
    }),
    slots: z.array(
      z.object({
        channelId: IdSchema,
        added: z.array(ChangedSlotSchema),
        removed: z.array(ChangedSlotSchema),
      }),
    ),
    /** Home layouts by stage (`all` or a stage id). */
    layouts: z.object({
      added: z.array(z.string()),
      changed: z.array(z.string()),
      removed: z.array(z.string()),
    }),
    curation: CurationChangesSchema,
    /** Whether publishing would change anything: channels, slots, layouts or curation. */
    hasChanges: z.boolean(),
  })
  .meta({ id: 'DraftChanges' });

export const ReleaseBodySchema = z.strictObject({
  carrier: CarrierSchema.default(ALL_CARRIERS),
  note: z.string().trim().min(1).max(500).optional(),
  publishAt: IsoDateTimeSchema.optional(),
});
export const ReleaseParamsSchema = z.strictObject({
  region: RegionSchema,
  version: z.coerce.number().int().min(1).max(1_000_000_000),
});

export const RELEASE_STATES = ['current', 'scheduled', 'past'] as const;
export const ReleaseSchema = z
  .object({
    version: z.number().int(),
    region: RegionSchema,
    carrier: CarrierSchema,
    createdAt: z.string(),
    createdBy: z.string(),
    publishAt: z.string(),
    note: z.string().optional(),
    /** A rollback: the release that was current when it was made. */
    rolledBackFrom: z.number().int().optional(),
    /** A rollback: the release whose content it publishes again. */
    restores: z.number().int().optional(),
    counts: z.object({ channels: z.number().int(), slots: z.number().int() }),
    /** What the release holds beside channels: the region's curation as published (absent before it joined). */
    parts: z
      .object({
        curation: z
          .object({ rules: z.number().int(), localLessons: z.number().int(), sources: z.number().int() })
          .optional(),
      })
      .optional(),
    state: z.enum(RELEASE_STATES),
  })
  .meta({ id: 'Release' });
export type Release = z.infer<typeof ReleaseSchema>;
export const ReleaseListSchema = z.object({
  items: z.array(ReleaseSchema),
  current: z.number().int().nullable(),
});
export const ReleaseDetailSchema = ReleaseSchema.extend({
  channels: z.array(
    DraftChannelSchema.extend({
      slots: z.array(z.object({ id: IdSchema, start: z.string(), end: z.string(), lessonId: IdSchema })),
    }),
  ),
  /** The home layouts by stage the release holds (none: its boxes follow the built-in layout). */
  layouts: z.array(HomeLayoutSchema),
}).meta({ id: 'ReleaseDetail' });

export const PreviewSchema = z
  .object({ code: z.string().regex(/^\d{6}$/), expiresAt: z.string() })
  .meta({ id: 'DraftPreview' });
