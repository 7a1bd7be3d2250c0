import { CarrierConfigBodySchema, CarrierParamsSchema } from '@ketang/contract';
import { Router } from 'express';
import { noStore } from '../middleware/catalogue-cache.ts';
import { needs } from '../middleware/needs-ability.ts';
import { operatorAuth, principalOf } from '../middleware/operator-auth.ts';
import { requireJson } from '../middleware/require-json.ts';
import { validate } from '../middleware/validate.ts';
import type { AuthService } from '../services/auth.service.ts';
import type { CarrierConfigService } from '../services/carrier/carrier-config.service.ts';

/** Boxes may keep a configuration a minute, then revalidate with its ETag (304 until a new version). */
const BOX_CACHE = 'public, max-age=60, must-revalidate';

/** Operators publish carriers' configurations (mounted at /v1/operator; auth per route, login stays open). */
export function carrierOperatorRoutes(carriers: CarrierConfigService, auth: AuthService): Router {
  const router = Router();
  const signedIn = operatorAuth(auth);
  router.get('/carriers', noStore, signedIn, needs('readCatalogue'), async (_req, res) => {
    res.json(await carriers.list(principalOf(res)));
  });
  router.put(
    '/carriers/:id/config',
    noStore,
    signedIn,
    needs('configure'),
    requireJson,
    validate('params', CarrierParamsSchema),
    validate('body', CarrierConfigBodySchema),
    async (_req, res) => {
      res.json(await carriers.publish(principalOf(res), res.locals.params.id, res.locals.body));
    },
  );
  return router;
}

/** Boxes read their carrier's newest configuration (mounted at /v1; public: a box reads it before activation). */
export function carrierBoxRoutes(carriers: CarrierConfigService): Router {
  const router = Router();
  router.get('/carriers/:id/config', validate('params', CarrierParamsSchema), async (req, res) => {
    const record = await carriers.current(res.locals.params.id);
    res.set({ ETag: record.etag, 'Cache-Control': BOX_CACHE });
    const known = req.get('if-none-match')?.split(/\s*,\s*/) ?? [];
    if (known.includes(record.etag)) return void res.status(304).end();
    res.json(record.config);
  });
  return router;
}
