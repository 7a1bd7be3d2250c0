import { createServer, type Server } from 'node:http';
import path from 'node:path';
import type { Logger } from 'pino';
import { createApp } from './app.ts';
import { hardeningOf, loadConfig, type Config } from './config/env.ts';
import type { DocumentStore } from './db/document-store.ts';
import { openStore } from './db/open-store.ts';
import { createLogger } from './logger.ts';
import { createOperatorServices } from './services/operator-services.ts';
import type { PackagingJobService } from './services/packaging/packaging-jobs.service.ts';
import { configureHashing } from './services/password-hash.ts';
import { RetentionService } from './services/retention.service.ts';
import { createRollupService, type DashboardRollupService } from './services/dashboards/rollup.service.ts';
import { createServices, type Services } from './services/services.ts';
import { createStores, ensureIndexes, type Stores } from './stores/stores.ts';

const INDEX_RETRY_MS = 2_000;
const PURGE_INTERVAL_MS = 3_600_000;
/** The dashboards' rollup: today's cells refreshed hourly; a day is final once it has ended everywhere. */
const ROLLUP_INTERVAL_MS = 3_600_000;
/** How often Node looks for requests past headersTimeout/requestTimeout (its default is 30 s). */
const TIMEOUT_CHECK_MS = 1_000;

export type RunningServer = {
  server: Server;
  url: string;
  stores: Stores;
  services: Services;
  retention: RetentionService;
  rollups: DashboardRollupService;
  close(): Promise<void>;
};

export type StartOptions = {
  config?: Readonly<Config>;
  logger?: Logger;
  /** Runs once the store is usable, before the server listens (e.g. loading the demo catalogue). */
  seed?: (stores: Stores, services: Services) => Promise<void>;
  /** The server clock services read (tests move it); default the system clock. */
  clock?: () => Date;
};

/** Creates indexes, retrying while the store is down, so a server started before its database recovers. */
function ensureIndexesInBackground(store: DocumentStore, logger: Logger, onReady: () => void): void {
  const attempt = () =>
    ensureIndexes(store).then(onReady, (error: unknown) => {
      logger.warn({ err: error }, 'store not ready; retrying index creation');
      setTimeout(attempt, INDEX_RETRY_MS).unref();
    });
  void attempt();
}

export async function startServer(options: StartOptions = {}): Promise<RunningServer> {
  const config = options.config ?? loadConfig();
  const logger = options.logger ?? createLogger(config.logLevel);
  const limits = hardeningOf(config);
  configureHashing({ workers: limits.hashWorkers, queue: limits.hashQueue });
  const backend = await openStore(config);
  const stores = createStores(backend);
  const services = createServices(stores, logger, {
    imageCacheDir: path.join(config.dataDir, 'images'),
    mediaDir: config.mediaDir,
    familySecret: config.familySecret,
    activation: config.activation,
    clock: options.clock,
  });
  let isReady = false;
  if (backend.kind === 'embedded') {
    await ensureIndexes(backend);
    isReady = true;
  } else {
    ensureIndexesInBackground(backend, logger, () => (isReady = true));
  }
  await services.revisions.start();
  await services.channelSets.tracker.start();
  await createOperatorServices(stores, services.revisions, services.views, logger, {})
    .auth.seedAdmin(config.adminPassword)
    .catch((error: unknown) =>
      logger.warn({ err: error }, 'could not seed the first admin; is the store up?'),
    );
  if (options.seed) await options.seed(stores, services);
  const retention = new RetentionService(stores, logger, {
    eventRetentionDays: limits.eventRetentionDays,
    clock: options.clock,
  });
  retention.start(PURGE_INTERVAL_MS);
  const rollups = createRollupService(stores, logger, {
    eventRetentionDays: limits.eventRetentionDays,
    clock: options.clock,
  });
  rollups.start(ROLLUP_INTERVAL_MS);
  const app = createApp({ config, stores, services, logger, isReady: () => isReady });
  const packaging = app.locals.packaging as PackagingJobService;
  await packaging
    .recover()
    .catch((error: unknown) =>
      logger.warn({ err: error }, 'could not recover packaging jobs; is the store up?'),
    );
  // A client slower than these (slowloris, a stalled upload) gets 408 and its socket is closed.
  const server = createServer(
    {
      headersTimeout: Math.min(limits.headersTimeoutMs, limits.requestTimeoutMs),
      requestTimeout: limits.requestTimeoutMs,
      connectionsCheckingInterval: Math.min(TIMEOUT_CHECK_MS, limits.headersTimeoutMs),
    },
    app,
  );
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.port, config.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const url = `http://${config.host}:${port}`;
  logger.info({ url, store: backend.kind }, 'content API listening');
  return {
    server,
    url,
    stores,
    services,
    retention,
    rollups,
    async close() {
      await packaging.stop();
      services.revisions.stop();
      services.channelSets.tracker.stop();
      retention.stop();
      await rollups.stop();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await backend.close();
    },
  };
}

async function main(): Promise<void> {
  const config = loadConfig();
  const logger = createLogger(config.logLevel);
  const seed = process.env.KETANG_DEMO === '1' ? (await import('./demo/load-demo.ts')).loadDemo : undefined;
  const running = await startServer({
    config,
    logger,
    seed: seed && ((stores, services) => seed(stores, services, config, logger)),
  });
  const shutdown = (signal: string) => {
    logger.info({ signal }, 'shutting down');
    running.close().then(
      () => process.exit(0),
      (error: unknown) => {
        logger.error({ err: error }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.once('SIGTERM', () => shutdown('SIGTERM'));
  process.once('SIGINT', () => shutdown('SIGINT'));
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
