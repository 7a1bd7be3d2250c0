import {
  DraftChannelParamsSchema,
  TimetableImportQuerySchema,
  TimetableTemplateQuerySchema,
} from '@ketang/contract';
import { Router } from 'express';
import { noStore } from '../middleware/catalogue-cache.ts';
import { needs } from '../middleware/needs-ability.ts';
import { operatorAuth, principalOf } from '../middleware/operator-auth.ts';
import { rawFileBody } from '../middleware/timetable-body.ts';
import { validate } from '../middleware/validate.ts';
import type { AuthService } from '../services/auth.service.ts';
import { TIMETABLE_LIMITS } from '../services/timetable-import/timetable-limits.ts';
import { TIMETABLE_MEDIA_TYPES } from '../services/timetable-import/timetable-template.ts';
import type {
  TimetableImportService,
  TimetableUpload,
} from '../services/timetable-import/timetable-import.service.ts';

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
    needs('editSchedule'),
    validate('params', DraftChannelParamsSchema),
    validate('query', TimetableImportQuerySchema),
    rawFileBody(TIMETABLE_MEDIA_TYPES, TIMETABLE_LIMITS.maxFileBytes),
    async (_req, res) => {
      const { region, channelId } = res.locals.params;
      const { carrier, dryRun } = res.locals.query;
      const upload = { ...res.locals.upload, dryRun } as TimetableUpload;
      res.json(await timetables.importTimetable(principalOf(res), { region, carrier }, channelId, upload));
    },
  );
  router.get(
    `${PATH}/template`,
    noStore,
    operatorAuth(auth),
    needs('editSchedule'),
    validate('params', DraftChannelParamsSchema),
    validate('query', TimetableTemplateQuerySchema),
    async (_req, res) => {
      const { region, channelId } = res.locals.params;
      const { carrier, format } = res.locals.query;
      const file = await timetables.template(principalOf(res), { region, carrier }, channelId, format);
      res.type(file.mediaType).attachment(file.fileName).send(file.bytes);
    },
  );
  return router;
}
