// The content API's public entry point, for tools that run it (npm start, benchmarks, end-to-end runners).
export { startServer, type RunningServer, type StartOptions } from './server.ts';
export { loadConfig, type Config } from './config/env.ts';
export { createLogger } from './logger.ts';
export { loadDemo } from './demo/load-demo.ts';
export { writeCatalogue } from './services/catalogue-writer.ts';
export { createApp } from './app.ts';
export { runCatalogCli } from './cli/catalog.cli.ts';
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
// The family API's answers, for the web pages (type-only: no validator in their bundle).
export type { Controls, Household, Profile } from './schemas/family.schema.ts';
export type { WeekReport } from './schemas/report.schema.ts';
export type { FacetNodeOutput as FacetNode } from './schemas/facet.schema.ts';
export type { LessonSummary } from './schemas/shared.schema.ts';
export type { SectionOutput as Section } from './schemas/section.schema.ts';
