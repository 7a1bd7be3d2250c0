import { TimetableImportResultSchema } from '@ketang/contract';
import { z } from 'zod';
import { answer, type OperationDocs } from './responses.ts';
import { TIMETABLE_MEDIA_TYPES } from '../services/timetable-import/timetable-template.ts';

const PATH = '/v1/operator/regions/{region}/draft/channels/{channelId}/timetable-import';
const FILE = z.string().meta({ format: 'binary' });

/** Importing a channel's timetable from a bureau's spreadsheet (docs/operator-api.md "Timetable import"). */
export const timetableImportOperations: OperationDocs = {
  [`POST ${PATH}`]: {
    summary: "Replace a channel's draft timetable from a CSV or .xlsx file (the raw body)",
    description:
      'Columns 日期/date, 开始时间/start, optional 结束时间/end, 课程编号/lessonId or 课程名称/title, optional ' +
      '频道/channel and 备注/note. Every day from the first to the last date in the file is replaced at once; ' +
      'nothing changes unless the whole file is valid. `dryRun=true` checks and answers without writing.',
    tags: ['operator'],
    ok: answer(
      '200',
      'What was (or, in a dry run, would be) written, with the gaps as warnings',
      TimetableImportResultSchema,
    ),
    errors: {
      '400':
        'invalid_timetable: details list every problem as {path, row, column, code, message} (row as a ' +
        'spreadsheet numbers it, 1 the header, 0 the whole file)',
      '404': 'No such channel',
    },
  },
  [`GET ${PATH}/template`]: {
    summary: 'A timetable template for the channel: the headers and one example row',
    tags: ['operator'],
    ok: {
      '200': {
        description: 'The template file (Content-Disposition: attachment)',
        content: Object.fromEntries(
          Object.values(TIMETABLE_MEDIA_TYPES).map((type) => [type, { schema: FILE }]),
        ),
      },
    },
    errors: { '404': 'No such channel' },
  },
};
