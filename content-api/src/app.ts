import { existsSync } from 'node:fs';
import compression from 'compression';
import express, { type Express } from 'express';
import type { Logger } from 'pino';
import { hardeningOf, type Config, type HardeningConfig } from './config/env.ts';
import { catalogueCache } from './middleware/catalogue-cache.ts';
import { corsPolicy } from './middleware/cors-policy.ts';
import { errorHandler, notFoundHandler } from './middleware/error-handler.ts';
import { handlerDeadline } from './middleware/handler-deadline.ts';
import { jsonBody } from './middleware/json-body.ts';
import { methodNotAllowed, onlyMethods } from './middleware/method-not-allowed.ts';
import { limitLoginFailures, limitWrites } from './middleware/rate-limits.ts';
import { pageCdnOrigins, securityHeaders } from './middleware/security-headers.ts';
import { rejectOperators } from './middleware/reject-operators.ts';
import { requestLog } from './middleware/request-log.ts';
import { createOpenApiDocument } from './openapi/document.ts';
import { listRoutes } from './openapi/route-inventory.ts';
import { activationOperatorRoutes, activationRoutes, firstStartGate } from './routes/activation.routes.ts';
import { apiDocsRoutes } from './routes/api-docs.routes.ts';
import { carrierBoxRoutes, carrierOperatorRoutes } from './routes/carrier.routes.ts';
import { carrierPackageBoxRoutes, carrierPackageOperatorRoutes } from './routes/carrier-package.routes.ts';
import { catalogueRoutes } from './routes/catalogue.routes.ts';
import { dashboardRoutes } from './routes/dashboard.routes.ts';
import { DashboardService } from './services/dashboards/dashboard.service.ts';
import { familyRoutes, HEARTBEATS_PATH } from './routes/family.routes.ts';
import { imageRoutes } from './routes/image.routes.ts';
import { liveRoutes } from './routes/live.routes.ts';
import { operatorRoutes } from './routes/operator.routes.ts';
import { packagingRoutes } from './routes/packaging.routes.ts';
import { layoutRoutes } from './routes/layout.routes.ts';
import { releaseRoutes } from './routes/release.routes.ts';
import { timetableImportRoutes } from './routes/timetable-import.routes.ts';
import { webPagesRoutes } from './routes/web-pages.routes.ts';
import { CarrierConfigService } from './services/carrier/carrier-config.service.ts';
import { CarrierPackageService } from './services/carrier/carrier-package.service.ts';
import { createOperatorServices } from './services/operator-services.ts';
import { createPackaging } from './services/packaging/create-packaging.ts';
import { createTimetableImportService } from './services/timetable-import/create-timetable-import.ts';
import type { Services } from './services/services.ts';
import type { Stores } from './stores/stores.ts';

const DEVICE_BODY_LIMIT = '16kb';
/** Up to 50 heartbeats of a box that was offline. */
const HEARTBEAT_BODY_LIMIT = '64kb';
const OPERATOR_BODY_LIMIT = '1mb';
const HEARTBEATS_URL = `/v1${HEARTBEATS_PATH}`;
/**
 * gzip level of answers made per request (the catalogue cache gzips its own once, at the default level): a
 * child's home (about 110 KB of JSON) took 1.6 ms at the default level 6 and 0.9 ms at level 1, for 14.1 KB
 * instead of 12.7 KB (benchmarks: "Family").
 */
const DYNAMIC_GZIP_LEVEL = 1;

export type AppContext = {
  config: Pick<Config, 'mediaDir' | 'tvAppDir' | 'operatorToken' | 'sessionTtlSeconds'> &
    Partial<
      Pick<
        Config,
        | 'responseCacheEntries'
        | 'householdCreatesPerHour'
        | 'webDir'
        | 'activationsPerHour'
        | 'dataDir'
        | 'uploadMaxBytes'
        | 'uploadExpiryHours'
      >
    > &
    Partial<HardeningConfig>;
  stores: Stores;
  services: Services;
  logger: Logger;
  /** Readiness beyond the store answering a ping (e.g. indexes created). */
  isReady?: () => boolean;
};

/** Builds the API without listening: tests and the server share it. */
export function createApp({ config, stores, services, logger, isReady = () => true }: AppContext): Express {
  const app = express();
  const limits = hardeningOf(config);
  app.disable('x-powered-by');
  app.set('trust proxy', limits.trustProxyHops);
  app.set('query parser', 'simple'); // flat key=value only: `a[$gt]=` stays a literal, rejected key

  app.use(requestLog(logger));
  const carriers = new CarrierConfigService({ carrierConfigs: stores.carrierConfigs, audit: stores.audit });
  app.use(pageCdnOrigins(() => carriers.cdnOrigins()));
  app.use(securityHeaders);
  app.use(
    '/v1',
    corsPolicy(limits.corsOrigins, () => carriers.appOrigins()),
  );
  // Catalogue reads already answered at this revision go out from here: what follows is for the rest.
  const catalogueAnswers = catalogueCache(
    () => `${services.revisions.current}.${services.channelSets.stamp()}`,
    config.responseCacheEntries,
    undefined,
    () => services.channelSets.secondsUntilChange(),
  );
  app.use('/v1', catalogueAnswers.answerEarly);
  app.use(handlerDeadline(limits.handlerTimeoutMs));
  // Heartbeat answers (a few hundred bytes, under compression's 1 KB threshold) skip its wrapping of every answer.
  const gzip = compression({ level: DYNAMIC_GZIP_LEVEL });
  app.use((req, res, next) => (req.path === HEARTBEATS_URL ? next() : gzip(req, res, next)));

  app.get('/healthz', (_req, res) => {
    res.set('Cache-Control', 'no-store').json({ status: 'ok' });
  });
  app.get('/readyz', async (_req, res) => {
    await stores.backend.ping();
    const ready = isReady();
    res
      .set('Cache-Control', 'no-store')
      .status(ready ? 200 : 503)
      .json({ status: ready ? 'ready' : 'starting', store: stores.backend.kind });
  });

  // Read off the routes once they are all mounted (below).
  const openApi: { document?: ReturnType<typeof createOpenApiDocument> } = {};
  app.get('/v1/openapi.json', (_req, res) => {
    res.set('Cache-Control', 'public, max-age=300').json(openApi.document);
  });
  app.use('/v1', apiDocsRoutes());

  // Before any credential check: a method a path does not declare is 405 whoever asks (the document is public).
  app.use('/v1', methodNotAllowed(app));
  app.use('/v1', limitWrites(limits.writesPerMinute));
  app.use('/v1/operator/sessions', limitLoginFailures(limits.loginFailuresPerAddress));
  app.use('/v1/operator', jsonBody(OPERATOR_BODY_LIMIT), rejectOperators);
  const operators = createOperatorServices(stores, services.revisions, services.views, logger, {
    serviceToken: config.operatorToken,
    sessionTtlSeconds: config.sessionTtlSeconds,
    lockout: { maxFailures: limits.loginLockoutFailures, lockSeconds: limits.loginLockoutSeconds },
    publishedCuration: services.publishedCuration,
  });
  // Before the other operator routers: a file upload is checked (credentials, path) once, then read raw.
  const timetables = createTimetableImportService(services.drafts, services.views);
  app.use('/v1/operator', timetableImportRoutes(operators.auth, timetables));
  // tus uploads are read raw by @tus/server; their jobs run one at a time (app.locals.packaging, stopped on close).
  const packaging = createPackaging(config, stores, services, operators.curation, logger);
  app.locals.packaging = packaging.jobs;
  app.use(
    '/v1/operator',
    packagingRoutes(operators.auth, packaging.uploads, packaging.jobs, packaging.maxBytes),
  );
  app.use('/v1/operator', activationOperatorRoutes(services.family, operators.auth));
  app.use('/v1/operator', carrierOperatorRoutes(carriers, operators.auth));
  const packages = new CarrierPackageService(stores);
  app.use('/v1/operator', carrierPackageOperatorRoutes(packages, operators.auth));
  app.use(
    '/v1/operator/dashboards',
    dashboardRoutes(operators.auth, new DashboardService(stores.dashboards)),
  );
  app.use('/v1/operator', operatorRoutes(services, operators));
  app.use('/v1/operator', releaseRoutes(services, operators.auth));
  app.use('/v1/operator', layoutRoutes(services.layouts, operators.auth));
  app.use(HEARTBEATS_URL, jsonBody(HEARTBEAT_BODY_LIMIT));
  app.use('/v1', jsonBody(DEVICE_BODY_LIMIT), rejectOperators);
  app.use('/v1/households', firstStartGate(services.family.activation));
  app.use('/v1', familyRoutes(services.family, { householdCreatesPerHour: config.householdCreatesPerHour }));
  app.use('/v1', activationRoutes(services.family, { activationsPerHour: config.activationsPerHour }));
  app.use('/v1', liveRoutes(services));
  app.use('/v1', carrierBoxRoutes(carriers));
  app.use('/v1', carrierPackageBoxRoutes(packages));
  app.use('/v1', imageRoutes(services.images));
  app.use('/v1', catalogueAnswers, catalogueRoutes(services));
  app.use('/v1', methodNotAllowed(app), notFoundHandler);

  // Packaged video: segments never change once published; manifests may be re-packaged (H.264 first).
  app.use(
    '/media',
    onlyMethods(['GET', 'HEAD']),
    express.static(config.mediaDir, {
      fallthrough: false,
      setHeaders: (res, filePath) => {
        const isManifest = /\.(mpd|m3u8)$/.test(filePath);
        res.setHeader(
          'Cache-Control',
          isManifest ? 'public, max-age=10' : 'public, max-age=31536000, immutable',
        );
        res.setHeader('Access-Control-Allow-Origin', '*');
      },
    }),
  );
  // The web pages (`/family/`, …) before the TV app, which owns `/`.
  if (config.webDir) app.use(webPagesRoutes(config.webDir));
  if (existsSync(config.tvAppDir)) app.use(express.static(config.tvAppDir, { index: 'index.html' }));
  app.use(methodNotAllowed(app), notFoundHandler);
  app.use(errorHandler);
  openApi.document = createOpenApiDocument(listRoutes(app));
  return app;
}
