import {
  TimetableImportParamsSchema,
  TimetableImportQuerySchema,
  TimetableTemplateQuerySchema,
} from '@ketang/contract';
import { Router } from 'express';
import { noStore } from '../middleware/catalogue-cache.ts';
import { operatorAuth, principalOf } from '../middleware/operator-auth.ts';
import { rawFileBody } from '../middleware/timetable-body.ts';
import { validate } from '../middleware/validate.ts';
import type { AuthService } from '../services/auth.service.ts';
import { TIMETABLE_LIMITS } from '../services/timetable-import/timetable-limits.ts';
import { TIMETABLE_MEDIA_TYPES } from '../services/timetable-import/timetable-template.ts';
import type { TimetableImportService } from '../services/timetable-import/timetable-import.service.ts';

const PATH = '/regions/:region/draft/channels/:channelId/timetable-import';

/**
 * A channel's timetable from a bureau's CSV or .xlsx file, sent as the raw body (docs/operator-api.md).
 * Credentials and the path are checked before a byte of the file is read.
 */
export function timetableImportRoutes(auth: AuthService, timetables: TimetableImportService): Router {
  const router = Router();
  router.post(
    PATH,
    noStore,
    operatorAuth(auth),
    validate('params', TimetableImportParamsSchema),
    validate('query', TimetableImportQuerySchema),
    rawFileBody(TIMETABLE_MEDIA_TYPES, TIMETABLE_LIMITS.maxFileBytes),
    async (_req, res) => {
      const { region, channelId } = res.locals.params;
      const { bytes, format } = res.locals.upload;
      const dryRun = res.locals.query.dryRun as boolean;
      res.json(
        await timetables.importTimetable(principalOf(res), region, channelId, { bytes, format, dryRun }),
      );
    },
  );
  router.get(
    `${PATH}/template`,
    noStore,
    operatorAuth(auth),
    validate('params', TimetableImportParamsSchema),
    validate('query', TimetableTemplateQuerySchema),
    async (_req, res) => {
      const { region, channelId } = res.locals.params;
      const file = await timetables.template(principalOf(res), region, channelId, res.locals.query.format);
      res.type(file.mediaType).attachment(file.fileName).send(file.bytes);
    },
  );
  return router;
}
