import { Router, type Response } from 'express';
import {
  HomeLayoutBodySchema,
  LayoutParamsSchema,
  LayoutQuerySchema,
  RegionParamsSchema,
} from '@ketang/contract';
import { noStore } from '../middleware/catalogue-cache.ts';
import { needs } from '../middleware/needs-ability.ts';
import { operatorAuth, principalOf } from '../middleware/operator-auth.ts';
import { requireJson } from '../middleware/require-json.ts';
import { validate } from '../middleware/validate.ts';
import type { AuthService } from '../services/auth.service.ts';
import type { LayoutDraftService } from '../services/home-layout/layout-draft.service.ts';
import type { Scope } from '../services/releases/scope.ts';

const scopeOf = (res: Response): Scope => ({
  region: res.locals.params.region as string,
  carrier: res.locals.query.carrier as string,
});

/** A region's draft home layouts per carrier and stage (docs/console.md "Home layouts"). */
export function layoutRoutes(layouts: LayoutDraftService, auth: AuthService): Router {
  const router = Router();
  router.use(noStore);
  router.use(operatorAuth(auth));
  const byScope = validate('query', LayoutQuerySchema);
  const layoutParams = validate('params', LayoutParamsSchema);
  const path = '/regions/:region/draft/layouts';

  router.get(
    path,
    needs('readSchedule'),
    validate('params', RegionParamsSchema),
    byScope,
    async (_req, res) => {
      res.json(await layouts.list(principalOf(res), scopeOf(res)));
    },
  );
  router.get(`${path}/:stage`, needs('readSchedule'), layoutParams, byScope, async (_req, res) => {
    res.json(await layouts.get(principalOf(res), scopeOf(res), res.locals.params.stage));
  });
  router.put(
    `${path}/:stage`,
    needs('editLayouts'),
    requireJson,
    layoutParams,
    byScope,
    validate('body', HomeLayoutBodySchema),
    async (_req, res) => {
      res.json(await layouts.put(principalOf(res), scopeOf(res), res.locals.params.stage, res.locals.body));
    },
  );
  router.delete(`${path}/:stage`, needs('editLayouts'), layoutParams, byScope, async (_req, res) => {
    await layouts.remove(principalOf(res), scopeOf(res), res.locals.params.stage);
    res.status(204).end();
  });
  return router;
}
