import { AppError } from '../../errors.ts';
import type { TimetableProblem } from './timetable-problem.ts';

/** 400 `invalid_timetable`: every problem of the file, each by row and column; nothing was written. */
export class InvalidTimetableError extends AppError {
  constructor(problems: TimetableProblem[]) {
    const first = problems[0];
    const more = problems.length > 1 ? ` (and ${problems.length - 1} more)` : '';
    super(
      400,
      'invalid_timetable',
      `the timetable was not imported: ${first ? `row ${first.row}: ${first.message}` : 'it is invalid'}${more}`,
      problems,
    );
  }
}
