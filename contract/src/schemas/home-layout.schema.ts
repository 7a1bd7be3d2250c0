import { IdSchema, LocalizedTextSchema } from '@ketang/catalog';
import { z } from 'zod';
import { LAYOUT_RULES } from './layout-rules.ts';
import { ALL_CARRIERS, CarrierSchema, RegionSchema } from './shared.schema.ts';

/**
 * Home layouts (issue 13 "Home layouts"): per region, carrier and stage (or every stage), the ordered rails of
 * a home. A rail is a curated list of lessons or a rule the API fills in for each home (docs/console.md).
 * Layouts are drafts and go into the scope's releases with its channels.
 */

export { LAYOUT_RULES, type LayoutRule } from './layout-rules.ts';

/** Most tiles a rail shows. */
export const MAX_RAIL_ITEMS = 40;
/** Most rails a layout has. */
export const MAX_LAYOUT_RAILS = 30;

/** A layout's stage: a stage facet's id, or `all` for every stage without a layout of its own. */
export const LayoutStageSchema = z
  .string()
  .regex(/^(all|[a-z0-9][a-z0-9-]{0,63})$/, 'a stage is "all" or a stage id like "primary"');
export const ALL_STAGES = 'all';

const CuratedRailSchema = z.strictObject({
  kind: z.literal('curated'),
  title: LocalizedTextSchema,
  lessonIds: z.array(IdSchema).min(1, 'a curated rail lists at least one lesson').max(MAX_RAIL_ITEMS),
});
const RuleRailSchema = z.strictObject({
  kind: z.literal('rule'),
  rule: z.enum(LAYOUT_RULES),
  /** Replaces the rule's own title (not for `today`: the TV titles a child's day with the child's name). */
  title: LocalizedTextSchema.optional(),
  /** Most tiles per rail (each rail's length; the rule's own default when unset). */
  limit: z.number().int().min(1).max(MAX_RAIL_ITEMS).optional(),
  /** `subjectLessons`: most subject rails. */
  maxRails: z.number().int().min(1).max(12).optional(),
});
export const LayoutRailSchema = z
  .discriminatedUnion('kind', [CuratedRailSchema, RuleRailSchema])
  .meta({ id: 'LayoutRail' });
export type LayoutRail = z.infer<typeof LayoutRailSchema>;
export type CuratedLayoutRail = z.infer<typeof CuratedRailSchema>;
export type RuleLayoutRail = z.infer<typeof RuleRailSchema>;

/** The rails of a layout: each rule once, `today` first if at all, no title on `today` or `subjectLessons`. */
export const LayoutRailsSchema = z
  .array(LayoutRailSchema)
  .min(1, 'a layout has at least one rail')
  .max(MAX_LAYOUT_RAILS)
  .superRefine((rails, ctx) => {
    const seen = new Set<string>();
    rails.forEach((rail, index) => {
      if (rail.kind !== 'rule') return;
      if (seen.has(rail.rule))
        ctx.addIssue({
          code: 'custom',
          path: [index, 'rule'],
          message: `the rule "${rail.rule}" is used twice`,
        });
      seen.add(rail.rule);
      if (rail.rule === 'today' && index !== 0)
        ctx.addIssue({
          code: 'custom',
          path: [index, 'rule'],
          message: 'today’s lessons come first or not at all',
        });
      if (rail.rule === 'subjectLessons' && rail.title)
        ctx.addIssue({
          code: 'custom',
          path: [index, 'title'],
          message: 'each subject rail is titled by its subject',
        });
      if (rail.rule === 'today' && rail.title)
        ctx.addIssue({
          code: 'custom',
          path: [index, 'title'],
          message: 'the TV titles today’s lessons itself',
        });
    });
  });

export const HomeLayoutBodySchema = z.strictObject({ rails: LayoutRailsSchema });
export type HomeLayoutBody = z.infer<typeof HomeLayoutBodySchema>;

/** A layout as drafted and released. */
export const HomeLayoutSchema = z
  .object({
    stage: LayoutStageSchema,
    rails: z.array(LayoutRailSchema),
    updatedAt: z.string().optional(),
    updatedBy: z.string().optional(),
  })
  .meta({ id: 'HomeLayout' });
export type HomeLayout = z.infer<typeof HomeLayoutSchema>;

export const HomeLayoutListSchema = z
  .object({
    region: RegionSchema,
    carrier: CarrierSchema,
    items: z.array(HomeLayoutSchema),
    /** The built-in layout a home without a layout of its own follows (today's behaviour). */
    builtIn: z.array(LayoutRailSchema),
  })
  .meta({ id: 'HomeLayoutList' });

export const LayoutParamsSchema = z.strictObject({ region: RegionSchema, stage: LayoutStageSchema });
export const LayoutQuerySchema = z.strictObject({
  carrier: CarrierSchema.default(ALL_CARRIERS).meta({ description: 'The carrier; default `all`' }),
});
