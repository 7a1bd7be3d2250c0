import { PackagedAssetSchema } from '@ketang/catalog';
import { Router } from 'express';
import { InvalidRequestError, NotFoundError } from '../errors.ts';
import { noStore } from '../middleware/catalogue-cache.ts';
import { requireJson } from '../middleware/require-json.ts';
import { validate } from '../middleware/validate.ts';
import { IdParamsSchema } from '../schemas/shared.schema.ts';
import type { Services } from '../services/services.ts';
import type { RequestHandler } from 'express';

/** Operator endpoints (behind operator authentication). */
export function operatorRoutes(services: Services, authenticate: RequestHandler): Router {
  const router = Router();
  router.use(noStore, authenticate);
  router.put(
    '/assets/:id',
    requireJson,
    validate('params', IdParamsSchema),
    validate('body', PackagedAssetSchema),
    async (_req, res) => {
      if (res.locals.body.id !== res.locals.params.id) {
        throw new InvalidRequestError('the asset id in the body differs from the one in the path', [
          { path: 'body.id', message: `expected "${res.locals.params.id}"` },
        ]);
      }
      const { asset, created } = await services.assets.register(res.locals.body);
      res.status(created ? 201 : 200).json(asset);
    },
  );
  router.get('/assets/:id', validate('params', IdParamsSchema), async (_req, res) => {
    const asset = await services.assets.get(res.locals.params.id);
    if (!asset) throw new NotFoundError('asset', res.locals.params.id);
    res.json(asset);
  });
  return router;
}
