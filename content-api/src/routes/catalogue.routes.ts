import { Router } from 'express';
import { validate } from '../middleware/validate.ts';
import {
  TimetableQuerySchema,
  HomeQuerySchema,
  LessonListQuerySchema,
  LessonDetailQuerySchema,
  parseCodecFamilies,
  type LessonDetailQuery,
  SearchQuerySchema,
  IdParamsSchema,
  RegionQuerySchema,
} from '@ketang/contract';
import { deviceScopeOf, readPreview } from '../middleware/device-scope.ts';
import type { Services } from '../services/services.ts';

/** Catalogue reads: cacheable per catalogue revision (the cache middleware sits in front of this router). */
export function catalogueRoutes(services: Services): Router {
  const router = Router();
  const byRegion = validate('query', RegionQuerySchema);
  router.get('/facets', byRegion, async (_req, res) => {
    res.json(await services.browse.facetTree(res.locals.query.region));
  });
  router.get('/textbooks/:id', validate('params', IdParamsSchema), byRegion, async (_req, res) => {
    res.json(await services.browse.textbook(res.locals.params.id, res.locals.query.region));
  });
  router.get('/lessons', validate('query', LessonListQuerySchema), async (_req, res) => {
    res.json(await services.lessons.list(res.locals.query));
  });
  router.get(
    '/lessons/:id',
    validate('params', IdParamsSchema),
    validate('query', LessonDetailQuerySchema),
    async (_req, res) => {
      const { region, codecs } = res.locals.query as LessonDetailQuery;
      res.json(await services.lessons.get(res.locals.params.id, region, parseCodecFamilies(codecs)));
    },
  );
  router.get('/sections', byRegion, async (_req, res) => {
    res.json(await services.browse.sections(res.locals.query.region));
  });
  router.get('/sections/:id', validate('params', IdParamsSchema), byRegion, async (_req, res) => {
    res.json(await services.browse.section(res.locals.params.id, res.locals.query.region));
  });
  router.get(
    '/channels/:id/timetable',
    validate('params', IdParamsSchema),
    validate('query', TimetableQuerySchema),
    readPreview,
    async (_req, res) => {
      res.json(
        await services.channels.timetable(res.locals.params.id, res.locals.query.date, deviceScopeOf(res)),
      );
    },
  );
  router.get('/search', validate('query', SearchQuerySchema), async (_req, res) => {
    const { q, limit, region } = res.locals.query;
    res.json(await services.search.search(q, limit, region));
  });
  router.get('/home', validate('query', HomeQuerySchema), readPreview, async (_req, res) => {
    res.json(await services.home.home(res.locals.query, deviceScopeOf(res)));
  });
  return router;
}
