import { z } from 'zod';
import { RegionSchema } from './shared.schema.ts';

/** Operator dashboards (docs/dashboards.md): aggregates of daily rollups, every cell k-anonymous. */

const DaySchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'a day is YYYY-MM-DD')
  .refine((day) => !Number.isNaN(Date.parse(`${day}T00:00:00Z`)), 'not a calendar day');
/** A carrier, device model or county as the box or household names it; "unknown" where none was given. */
const DimensionSchema = z.string().min(1).max(64);
const MAX_RANGE_DAYS = 366;

const rangeFields = {
  from: DaySchema.meta({ description: 'First day (YYYY-MM-DD, the household\u2019s local day), inclusive' }),
  to: DaySchema.meta({ description: 'Last day, inclusive; at most 366 days after `from`' }),
  format: z
    .enum(['json', 'csv'])
    .default('json')
    .meta({ description: '`csv` exports exactly the cells of the JSON answer' }),
};
const isRangeValid = (query: { from: string; to: string }) => {
  const days = (Date.parse(query.to) - Date.parse(query.from)) / 86_400_000;
  return days >= 0 && days < MAX_RANGE_DAYS;
};
const RANGE_ERROR = { message: '`to` must be on or after `from`, at most 366 days later', path: ['to'] };

export const QOE_GROUPS = ['day', 'region', 'carrier', 'model', 'codec'] as const;
export const LEARNING_GROUPS = ['day', 'region', 'county', 'stage', 'grade', 'subject'] as const;

export const QoeDashboardQuerySchema = z
  .strictObject({
    ...rangeFields,
    region: RegionSchema.optional(),
    carrier: DimensionSchema.optional(),
    model: DimensionSchema.optional(),
    groupBy: z.enum(QOE_GROUPS).default('day'),
  })
  .refine(isRangeValid, RANGE_ERROR);
export type QoeDashboardQuery = z.infer<typeof QoeDashboardQuerySchema>;

export const LearningDashboardQuerySchema = z
  .strictObject({
    ...rangeFields,
    region: RegionSchema.optional(),
    county: DimensionSchema.optional(),
    groupBy: z.enum(LEARNING_GROUPS).default('day'),
  })
  .refine(isRangeValid, RANGE_ERROR);
export type LearningDashboardQuery = z.infer<typeof LearningDashboardQuerySchema>;

export const CountyDashboardQuerySchema = z
  .strictObject({ ...rangeFields, region: RegionSchema, county: DimensionSchema })
  .refine(isRangeValid, RANGE_ERROR);
export type CountyDashboardQuery = z.infer<typeof CountyDashboardQuerySchema>;

/** A cell's figures are null when it is suppressed (fewer than k households, or to protect one that is). */
const figure = z.number().nullable();

export const QoeCellSchema = z
  .object({
    key: z.string(),
    suppressed: z.boolean(),
    sessions: figure,
    ttffP50Ms: figure,
    ttffP95Ms: figure,
    stallRatio: figure.meta({ description: 'Stall seconds / (stall + play seconds)' }),
    averageBitrate: figure.meta({ description: 'Bits per second, over sessions that reported one' }),
    errorSessions: figure,
    errors: z.record(z.string(), z.number()).nullable(),
  })
  .meta({ id: 'QoeCell' });
export type QoeCell = z.infer<typeof QoeCellSchema>;

export const LearningCellSchema = z
  .object({
    key: z.string(),
    suppressed: z.boolean(),
    views: figure.meta({ description: 'Lessons started: distinct (child, lesson) per day' }),
    completions: figure,
    completionRate: figure,
    minutes: figure,
  })
  .meta({ id: 'LearningCell' });
export type LearningCell = z.infer<typeof LearningCellSchema>;

const answerFields = {
  from: z.string(),
  to: z.string(),
  k: z.number().int().meta({ description: 'Cells with fewer distinct households are suppressed' }),
  groupBy: z.string(),
};
export const QoeDashboardSchema = z
  .object({ ...answerFields, cells: z.array(QoeCellSchema), total: QoeCellSchema })
  .meta({ id: 'QoeDashboard' });
export type QoeDashboard = z.infer<typeof QoeDashboardSchema>;

export const LearningDashboardSchema = z
  .object({ ...answerFields, cells: z.array(LearningCellSchema), total: LearningCellSchema })
  .meta({ id: 'LearningDashboard' });
export type LearningDashboard = z.infer<typeof LearningDashboardSchema>;

/** "The county's learning in a few charts": minutes and views by day, by subject, completion by grade. */
export const CountyDashboardSchema = z
  .object({
    region: z.string(),
    county: z.string(),
    from: z.string(),
    to: z.string(),
    k: z.number().int(),
    byDay: LearningDashboardSchema,
    bySubject: LearningDashboardSchema,
    byGrade: LearningDashboardSchema,
  })
  .meta({ id: 'CountyDashboard' });
export type CountyDashboard = z.infer<typeof CountyDashboardSchema>;
