import { Router, type Response } from 'express';
import {
  CountyDashboardQuerySchema,
  LearningDashboardQuerySchema,
  QoeDashboardQuerySchema,
} from '@ketang/contract';
import { noStore } from '../middleware/catalogue-cache.ts';
import { needs } from '../middleware/needs-ability.ts';
import { operatorAuth } from '../middleware/operator-auth.ts';
import { validate } from '../middleware/validate.ts';
import type { AuthService } from '../services/auth.service.ts';
import { countyCsv, learningCsv, qoeCsv } from '../services/dashboards/dashboard-csv.ts';
import type { DashboardService } from '../services/dashboards/dashboard.service.ts';

/** Answers JSON, or the same cells as CSV when `?format=csv`. */
async function answer<A>(res: Response, build: () => Promise<A>, toCsv: (answer: A) => string) {
  const result = await build();
  if (res.locals.query.format !== 'csv') return void res.json(result);
  res
    .type('text/csv; charset=utf-8')
    .attachment(`dashboard-${res.locals.query.from}-${res.locals.query.to}.csv`)
    .send(toCsv(result));
}

/**
 * Operator dashboards (aggregates only, k-anonymous): every operator role reads them; the packager's service
 * token, which is no person, does not.
 */
export function dashboardRoutes(auth: AuthService, dashboards: DashboardService): Router {
  const router = Router();
  router.use(noStore, operatorAuth(auth), needs('readDashboards'));
  router.get('/qoe', validate('query', QoeDashboardQuerySchema), (_req, res) =>
    answer(res, () => dashboards.qoe(res.locals.query), qoeCsv),
  );
  router.get('/learning', validate('query', LearningDashboardQuerySchema), (_req, res) =>
    answer(res, () => dashboards.learning(res.locals.query), learningCsv),
  );
  router.get('/county', validate('query', CountyDashboardQuerySchema), (_req, res) =>
    answer(res, () => dashboards.county(res.locals.query), countyCsv),
  );
  return router;
}
