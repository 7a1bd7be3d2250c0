import { PackagedAssetSchema } from '@ketang/catalog';
import { Router } from 'express';
import { InvalidRequestError, NotFoundError } from '../errors.ts';
import { noStore } from '../middleware/catalogue-cache.ts';
import { needs } from '../middleware/needs-ability.ts';
import { operatorAuth, principalOf } from '../middleware/operator-auth.ts';
import { requireJson } from '../middleware/require-json.ts';
import { validate } from '../middleware/validate.ts';
import {
  AuditQuerySchema,
  CURATION_KINDS,
  CreateOperatorBodySchema,
  JobParamsSchema,
  LicensedSourceBodySchema,
  LocalLessonBodySchema,
  LoginBodySchema,
  RegionParamsSchema,
  RegionSettingsBodySchema,
  RuleBodySchema,
  RuleParamsSchema,
  SyncBodySchema,
  IdParamsSchema,
  ImageHostsBodySchema,
} from '@ketang/contract';
import type { OperatorServices } from '../services/operator-services.ts';
import type { Services } from '../services/services.ts';

const KIND = { textbooks: 'textbook', units: 'unit', lessons: 'lesson' } as const;

/** Operator endpoints: login is open; everything else needs a session or the service token. */
export function operatorRoutes(services: Services, operators: OperatorServices): Router {
  const router = Router();
  router.use(noStore);
  router.post('/sessions', requireJson, validate('body', LoginBodySchema), async (req, res) => {
    const { username, password } = res.locals.body;
    res.status(201).json(await operators.auth.login(username, password, req.ip));
  });
  router.use(operatorAuth(operators.auth));
  router.get('/operators', needs('manageOperators'), async (_req, res) => {
    res.json(await operators.auth.listOperators(principalOf(res)));
  });
  router.post(
    '/operators',
    needs('manageOperators'),
    requireJson,
    validate('body', CreateOperatorBodySchema),
    async (_req, res) => {
      res.status(201).json(await operators.auth.createOperator(principalOf(res), res.locals.body));
    },
  );
  router.get('/audit', needs('readAudit'), validate('query', AuditQuerySchema), async (_req, res) => {
    res.json(await operators.audit.list(res.locals.query));
  });
  router.get('/image-hosts', needs('readCatalogue'), async (_req, res) => {
    res.json(await operators.imageHosts.get(principalOf(res)));
  });
  router.put(
    '/image-hosts',
    needs('configure'),
    requireJson,
    validate('body', ImageHostsBodySchema),
    async (_req, res) => {
      res.json(await operators.imageHosts.set(principalOf(res), res.locals.body.hosts));
    },
  );
  router.post('/sync', needs('sync'), requireJson, validate('body', SyncBodySchema), (_req, res) => {
    res.status(202).json(operators.syncJobs.start(principalOf(res), res.locals.body.from));
  });
  router.get('/sync/:id', needs('readCatalogue'), validate('params', JobParamsSchema), (_req, res) => {
    res.json(operators.syncJobs.get(principalOf(res), res.locals.params.id));
  });
  router.get(
    '/regions/:region',
    needs('readCatalogue'),
    validate('params', RegionParamsSchema),
    async (_req, res) => {
      res.json(await operators.curation.regionState(res.locals.params.region));
    },
  );
  router.get(
    '/regions/:region/settings',
    needs('readCatalogue'),
    validate('params', RegionParamsSchema),
    async (_req, res) => {
      res.json(await operators.curation.regionSettings(principalOf(res), res.locals.params.region));
    },
  );
  // `/regions/:region` is the older path of the same write.
  for (const path of ['/regions/:region/settings', '/regions/:region']) {
    router.put(
      path,
      needs('curate'),
      requireJson,
      validate('params', RegionParamsSchema),
      validate('body', RegionSettingsBodySchema),
      async (_req, res) => {
        res.json(
          await operators.curation.setRegionSettings(
            principalOf(res),
            res.locals.params.region,
            res.locals.body,
          ),
        );
      },
    );
  }
  // One route per kind, not `/:kind/:id`: that pattern would also claim `/regions/{region}/draft/changes` and
  // the like, so other methods there would get 415 instead of 405.
  for (const kind of CURATION_KINDS) {
    router.put(
      `/regions/:region/${kind}/:id`,
      needs('curate'),
      requireJson,
      validate('params', RuleParamsSchema),
      validate('body', RuleBodySchema),
      async (_req, res) => {
        const { region, id } = res.locals.params;
        res.json(await operators.curation.setRule(principalOf(res), region, KIND[kind], id, res.locals.body));
      },
    );
  }
  router.post(
    '/regions/:region/local-lessons',
    needs('curate'),
    requireJson,
    validate('params', RegionParamsSchema),
    validate('body', LocalLessonBodySchema),
    async (_req, res) => {
      res
        .status(201)
        .json(
          await operators.curation.addLocalLesson(
            principalOf(res),
            res.locals.params.region,
            res.locals.body,
          ),
        );
    },
  );
  router.put(
    '/lessons/:id/source',
    needs('curate'),
    requireJson,
    validate('params', IdParamsSchema),
    validate('body', LicensedSourceBodySchema),
    async (_req, res) => {
      res.json(
        await operators.curation.attachSource(principalOf(res), res.locals.params.id, res.locals.body),
      );
    },
  );
  router.put(
    '/assets/:id',
    needs('registerAssets'),
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
  router.get('/assets/:id', needs('readCatalogue'), validate('params', IdParamsSchema), async (_req, res) => {
    const asset = await services.assets.get(res.locals.params.id);
    if (!asset) throw new NotFoundError('asset', res.locals.params.id);
    res.json(asset);
  });
  return router;
}
