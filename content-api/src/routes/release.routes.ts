import { Router, type Response } from 'express';
import {
  DraftChannelBodySchema,
  DraftChannelParamsSchema,
  DraftSlotsBodySchema,
  DraftSlotsQuerySchema,
  RegionParamsSchema,
  ReleaseBodySchema,
  ReleaseParamsSchema,
  ScopeQuerySchema,
} from '@ketang/contract';
import { noStore } from '../middleware/catalogue-cache.ts';
import { needs } from '../middleware/needs-ability.ts';
import { operatorAuth, principalOf } from '../middleware/operator-auth.ts';
import { requireJson } from '../middleware/require-json.ts';
import { validate } from '../middleware/validate.ts';
import type { AuthService } from '../services/auth.service.ts';
import type { Scope } from '../services/releases/scope.ts';
import type { Services } from '../services/services.ts';

const scopeOf = (res: Response): Scope => ({
  region: res.locals.params.region as string,
  carrier: (res.locals.body?.carrier ?? res.locals.query.carrier) as string,
});

/** Channel drafts, their timetables, releases and previews per region and carrier (docs/operator-api.md). */
export function releaseRoutes(services: Services, auth: AuthService): Router {
  const router = Router();
  router.use(noStore);
  router.use(operatorAuth(auth));
  const byScope = validate('query', ScopeQuerySchema);
  const regionParams = validate('params', RegionParamsSchema);
  const channelParams = validate('params', DraftChannelParamsSchema);
  const releaseParams = validate('params', ReleaseParamsSchema);
  const draft = '/regions/:region/draft';

  router.get(`${draft}/channels`, needs('readSchedule'), regionParams, byScope, async (_req, res) => {
    res.json(await services.drafts.listChannels(principalOf(res), scopeOf(res)));
  });
  router.put(
    `${draft}/channels/:channelId`,
    needs('editSchedule'),
    requireJson,
    channelParams,
    byScope,
    validate('body', DraftChannelBodySchema),
    async (_req, res) => {
      const { channelId } = res.locals.params;
      const scope = { region: res.locals.params.region, carrier: res.locals.query.carrier };
      res.json(await services.drafts.putChannel(principalOf(res), scope, channelId, res.locals.body));
    },
  );
  router.delete(
    `${draft}/channels/:channelId`,
    needs('editSchedule'),
    channelParams,
    byScope,
    async (_req, res) => {
      await services.drafts.removeChannel(principalOf(res), scopeOf(res), res.locals.params.channelId);
      res.status(204).end();
    },
  );
  router.get(
    `${draft}/channels/:channelId/slots`,
    needs('readSchedule'),
    channelParams,
    validate('query', DraftSlotsQuerySchema),
    async (_req, res) => {
      const { from, days } = res.locals.query;
      const { channelId } = res.locals.params;
      res.json(await services.drafts.slots(principalOf(res), scopeOf(res), channelId, { from, days }));
    },
  );
  router.put(
    `${draft}/channels/:channelId/slots`,
    needs('editSchedule'),
    requireJson,
    channelParams,
    byScope,
    validate('body', DraftSlotsBodySchema),
    async (_req, res) => {
      const scope = { region: res.locals.params.region, carrier: res.locals.query.carrier };
      const { channelId } = res.locals.params;
      res.json(await services.drafts.replaceDraftSlots(principalOf(res), scope, channelId, res.locals.body));
    },
  );
  router.get(`${draft}/changes`, needs('readSchedule'), regionParams, byScope, async (_req, res) => {
    res.json(await services.drafts.changes(principalOf(res), scopeOf(res)));
  });

  router.post(
    '/regions/:region/releases',
    needs('publish'),
    requireJson,
    regionParams,
    validate('body', ReleaseBodySchema),
    async (_req, res) => {
      const { note, publishAt } = res.locals.body;
      res
        .status(201)
        .json(await services.releases.publish(principalOf(res), scopeOf(res), { note, publishAt }));
    },
  );
  router.get('/regions/:region/releases', needs('readSchedule'), regionParams, byScope, async (_req, res) => {
    res.json(await services.releases.list(principalOf(res), scopeOf(res)));
  });
  router.get(
    '/regions/:region/releases/:version',
    needs('readSchedule'),
    releaseParams,
    byScope,
    async (_req, res) => {
      res.json(await services.releases.get(principalOf(res), scopeOf(res), res.locals.params.version));
    },
  );
  router.delete(
    '/regions/:region/releases/:version',
    needs('publish'),
    releaseParams,
    byScope,
    async (_req, res) => {
      await services.releases.cancel(principalOf(res), scopeOf(res), res.locals.params.version);
      res.status(204).end();
    },
  );
  router.post(
    '/regions/:region/releases/:version/rollback',
    needs('publish'),
    releaseParams,
    byScope,
    async (_req, res) => {
      res
        .status(201)
        .json(await services.releases.rollback(principalOf(res), scopeOf(res), res.locals.params.version));
    },
  );
  router.post('/regions/:region/previews', needs('preview'), regionParams, byScope, async (_req, res) => {
    res.status(201).json(await services.previews.create(principalOf(res), scopeOf(res)));
  });
  return router;
}
