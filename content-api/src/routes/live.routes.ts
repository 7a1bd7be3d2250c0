import { Router } from 'express';
import { noStore } from '../middleware/catalogue-cache.ts';
import { familyOf, householdAuth, requireBox } from '../middleware/household-auth.ts';
import { requireJson } from '../middleware/require-json.ts';
import { validate } from '../middleware/validate.ts';
import { PlaybackEventBodySchema, IdParamsSchema, ChannelScopeQuerySchema } from '@ketang/contract';
import { deviceScopeOf, readPreview } from '../middleware/device-scope.ts';
import type { Services } from '../services/services.ts';

/** Answers that depend on the moment or on one box: never cached by a CDN. */
export function liveRoutes(services: Services): Router {
  const router = Router();
  router.use(noStore);
  const byScope = validate('query', ChannelScopeQuerySchema);
  router.get('/channels', byScope, readPreview, async (_req, res) => {
    res.json(await services.channels.list(deviceScopeOf(res)));
  });
  router.get(
    '/channels/:id/now',
    validate('params', IdParamsSchema),
    byScope,
    readPreview,
    async (_req, res) => {
      res.json(await services.channels.onAir(res.locals.params.id, deviceScopeOf(res)));
    },
  );
  router.post(
    '/events',
    householdAuth(services.family.authenticator),
    requireBox,
    requireJson,
    validate('body', PlaybackEventBodySchema),
    async (_req, res) => {
      res.status(202).json(await services.devices.recordEvent(familyOf(res).deviceId, res.locals.body));
    },
  );
  return router;
}
