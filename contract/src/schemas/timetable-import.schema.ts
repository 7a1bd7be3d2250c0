import { IdSchema } from '@ketang/catalog';
import { z } from 'zod';
import { ScopeQuerySchema } from './release.schema.ts';

/** The path is the draft channel's (`DraftChannelParamsSchema`); the carrier picks the draft, as for its slots. */
export const TimetableImportQuerySchema = ScopeQuerySchema.extend({
  /** `true`: read and check the file, answer what it would write, write nothing. */
  dryRun: z
    .enum(['true', 'false'], 'dryRun is true or false')
    .optional()
    .transform((value) => value === 'true'),
});

export const TimetableTemplateQuerySchema = ScopeQuerySchema.extend({
  format: z.enum(['csv', 'xlsx'], 'format is csv or xlsx').default('csv'),
});

/** The columns of a timetable file, by their API names. */
export const TIMETABLE_COLUMNS = ['date', 'start', 'end', 'lessonId', 'title', 'channel', 'note'] as const;
export type TimetableColumn = (typeof TIMETABLE_COLUMNS)[number];

/** What can be wrong with a timetable file or row (`gap` is a warning): the codes the console translates. */
export const TIMETABLE_PROBLEM_CODES = [
  'unreadable_file',
  'empty_file',
  'no_rows',
  'too_many_rows',
  'too_many_days',
  'missing_column',
  'unknown_column',
  'duplicate_column',
  'missing_value',
  'bad_date',
  'bad_time',
  'end_before_start',
  'end_required',
  'unknown_lesson',
  'ambiguous_title',
  'lesson_title_mismatch',
  'wrong_channel',
  'overlap',
  'gap',
  'rejected',
] as const;
export type TimetableProblemCode = (typeof TIMETABLE_PROBLEM_CODES)[number];

/**
 * One problem with a timetable file, where a person would look: `row` as a spreadsheet program numbers it
 * (the header is 1; 0 is the whole file), `column` by its API name, `code` for the console to translate.
 */
export const TimetableProblemSchema = z
  .object({
    path: z.string(),
    row: z.number().int().min(0),
    column: z.enum(TIMETABLE_COLUMNS).nullable(),
    code: z.enum(TIMETABLE_PROBLEM_CODES),
    message: z.string(),
  })
  .meta({ id: 'TimetableProblem' });
export type TimetableProblemOutput = z.infer<typeof TimetableProblemSchema>;

export const TimetableImportResultSchema = z
  .object({
    /** The first day the file covers (the channel's time zone); `days` days from it were replaced. */
    from: z.iso.date(),
    days: z.number().int().min(1),
    /** How many slots the file lays out. */
    slots: z.number().int().min(0),
    dryRun: z.boolean(),
    /** Gaps between lessons of a day: allowed, shown so a scheduler can check them. */
    warnings: z.array(TimetableProblemSchema),
    /** The slots read, in air order, each with its row. */
    items: z.array(
      z.object({
        row: z.number().int(),
        start: z.iso.datetime({ offset: true }),
        end: z.iso.datetime({ offset: true }),
        lessonId: IdSchema,
      }),
    ),
  })
  .meta({ id: 'TimetableImportResult' });
export type TimetableImportResult = z.infer<typeof TimetableImportResultSchema>;
