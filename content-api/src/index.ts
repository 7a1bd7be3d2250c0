// The content API's public entry point, for tools that run it (npm start, benchmarks, end-to-end runners).
export { startServer, type RunningServer, type StartOptions } from './server.ts';
export { loadConfig, type Config } from './config/env.ts';
export { createLogger } from './logger.ts';
export { loadDemo } from './demo/load-demo.ts';
export { writeCatalogue } from './services/catalogue-writer.ts';
export { createApp } from './app.ts';
export {
  DEFAULT_SYNC_WORKERS,
  syncCatalogue,
  type SyncOptions,
  type SyncProgress,
} from './services/sync/catalogue-sync.ts';
export type { SyncReport } from './services/sync/sync-report.ts';
export { openStore } from './db/open-store.ts';
export { createStores, ensureIndexes } from './stores/stores.ts';
export { RevisionTracker } from './services/revision-tracker.ts';
export { createServices } from './services/services.ts';
export { renderCover } from './images/render-image.ts';
