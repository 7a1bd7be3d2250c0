import { Router, type RequestHandler } from 'express';
import { noStore } from '../middleware/catalogue-cache.ts';
import { requireJson } from '../middleware/require-json.ts';
import { validate } from '../middleware/validate.ts';
import {
  DeviceParamsSchema,
  PlaybackEventBodySchema,
  ProgressBodySchema,
  ProgressParamsSchema,
  HomeQuerySchema,
  IdParamsSchema,
  RegionQuerySchema,
  DeviceIdSchema,
} from '@ketang/contract';
import type { Services } from '../services/services.ts';

const skipUnlessDevice: RequestHandler = (req, _res, next) =>
  next(req.query.device === undefined ? 'router' : undefined);
const PersonalHomeQuery = HomeQuerySchema.extend({ device: DeviceIdSchema });

/** Answers that depend on the moment or on one device: never cached by a CDN. */
export function liveRoutes(services: Services): Router {
  const router = Router();
  router.use(noStore);
  const byRegion = validate('query', RegionQuerySchema);
  router.get('/channels', byRegion, async (_req, res) => {
    res.json(await services.channels.list(res.locals.query.region));
  });
  router.get('/channels/:id/now', validate('params', IdParamsSchema), byRegion, async (_req, res) => {
    res.json(await services.channels.onAir(res.locals.params.id, res.locals.query.region));
  });
  // With a device the home gains its "continue watching" rail, so it is answered here, uncached; without
  // one, the request falls through to the cached catalogue router.
  router.get('/home', skipUnlessDevice, validate('query', PersonalHomeQuery), async (_req, res) => {
    res.json(await services.home.home(res.locals.query));
  });
  router.get(
    '/devices/:deviceId/progress',
    validate('params', DeviceParamsSchema),
    byRegion,
    async (_req, res) => {
      res.json(await services.devices.progress(res.locals.params.deviceId, res.locals.query.region));
    },
  );
  router.put(
    '/devices/:deviceId/progress/:lessonId',
    requireJson,
    validate('params', ProgressParamsSchema),
    validate('body', ProgressBodySchema),
    async (_req, res) => {
      const { deviceId, lessonId } = res.locals.params;
      res.json(await services.devices.saveProgress(deviceId, lessonId, res.locals.body));
    },
  );
  router.post('/events', requireJson, validate('body', PlaybackEventBodySchema), async (_req, res) => {
    res.status(202).json(await services.devices.recordEvent(res.locals.body));
  });
  return router;
}
