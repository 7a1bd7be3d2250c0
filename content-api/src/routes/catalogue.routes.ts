import { Router, type Response } from 'express';
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

/**
 * Catalogue reads: cacheable per catalogue revision (the cache middleware sits in front of this router). A box
 * previewing a draft (X-Ketang-Preview) sees its region's draft curation in lessons, search and browse.
 */
export function catalogueRoutes(services: Services): Router {
  const router = Router();
  const byRegion = validate('query', RegionQuerySchema);
  const previewOf = (res: Response) => res.locals.preview as string | undefined;
  router.get('/facets', byRegion, readPreview, async (_req, res) => {
    res.json(await services.browse.facetTree(res.locals.query.region, previewOf(res)));
  });
  router.get(
    '/textbooks/:id',
    validate('params', IdParamsSchema),
    byRegion,
    readPreview,
    async (_req, res) => {
      res.json(await services.browse.textbook(res.locals.params.id, res.locals.query.region, previewOf(res)));
    },
  );
  router.get('/lessons', validate('query', LessonListQuerySchema), readPreview, async (_req, res) => {
    res.json(await services.lessons.list(res.locals.query, previewOf(res)));
  });
  router.get(
    '/lessons/:id',
    validate('params', IdParamsSchema),
    validate('query', LessonDetailQuerySchema),
    readPreview,
    async (_req, res) => {
      const { region, codecs } = res.locals.query as LessonDetailQuery;
      res.json(
        await services.lessons.get(res.locals.params.id, region, parseCodecFamilies(codecs), previewOf(res)),
      );
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
  router.get('/search', validate('query', SearchQuerySchema), readPreview, async (_req, res) => {
    const { q, limit, region } = res.locals.query;
    res.json(await services.search.search(q, limit, region, previewOf(res)));
  });
  router.get('/home', validate('query', HomeQuerySchema), readPreview, async (_req, res) => {
    res.json(await services.home.home(res.locals.query, deviceScopeOf(res)));
  });
  return router;
}
