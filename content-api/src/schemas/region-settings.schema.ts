import { IdSchema } from '@ketang/catalog';
import { z } from 'zod';
import { isRealDate } from '../services/family/calendar.ts';

/** The region settings families read: usual textbook editions and the school calendar (docs/family.md). */

export const CalendarDateSchema = z
  .string()
  .refine(isRealDate, 'a date is a real day written YYYY-MM-DD')
  .meta({ example: '2026-09-01' });

export const DateRangeSchema = z
  .strictObject({ start: CalendarDateSchema, end: CalendarDateSchema })
  .refine((range) => range.start <= range.end, { message: 'ends before it starts', path: ['end'] });
export type DateRange = z.infer<typeof DateRangeSchema>;

/** Terms in date order without overlap; holidays (inside or between terms) are not counted as teaching weeks. */
export const SchoolCalendarSchema = z
  .strictObject({
    terms: z.array(DateRangeSchema).min(1, 'at least one term').max(40),
    holidays: z.array(DateRangeSchema).max(200).optional(),
  })
  .superRefine((calendar, context) => {
    calendar.terms.forEach((term, index) => {
      const previous = calendar.terms[index - 1];
      if (previous && term.start <= previous.end) {
        context.addIssue({
          code: 'custom',
          path: ['terms', index, 'start'],
          message: `starts on or before the end of term ${index - 1} (${previous.end}): terms are in date order and do not overlap`,
        });
      }
    });
  })
  .meta({ id: 'SchoolCalendar' });
export type SchoolCalendar = z.infer<typeof SchoolCalendarSchema>;

/** stageId → subjectId → editionId: the textbook edition most schools of the region use. */
export const UsualEditionsSchema = z
  .record(IdSchema, z.record(IdSchema, IdSchema))
  .meta({ id: 'UsualEditions', example: { primary: { math: 'pep', chinese: 'pep' } } });
export type UsualEditions = z.infer<typeof UsualEditionsSchema>;
