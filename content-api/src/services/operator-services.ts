import type { Logger } from 'pino';
import type { Stores } from '../stores/stores.ts';
import { AuthService } from './auth.service.ts';
import { ImageHostsService } from './image-hosts.service.ts';
import { CurationService } from './curation.service.ts';
import type { CatalogueViews } from './catalogue-view.ts';
import type { RevisionTracker } from './revision-tracker.ts';
import { SyncJobService } from './sync-job.service.ts';
import { LoginLockout } from './login-lockout.ts';

export type OperatorServices = ReturnType<typeof createOperatorServices>;

/** The services behind the operator API: accounts and sessions, curation, and sync jobs. */
export function createOperatorServices(
  stores: Stores,
  revisions: RevisionTracker,
  views: CatalogueViews,
  logger: Logger,
  options: {
    serviceToken?: string;
    sessionTtlSeconds?: number;
    lockout?: { maxFailures: number; lockSeconds: number };
    /** Curation is a draft once releases hold it: its first write waits for the baseline (PublishedCuration). */
    publishedCuration?: { ensureBaseline(): Promise<unknown> };
  },
) {
  const clock = () => new Date();
  return {
    auth: new AuthService(stores.operators, stores.audit, {
      serviceToken: options.serviceToken,
      sessionTtlSeconds: options.sessionTtlSeconds ?? 8 * 3600,
      lockout:
        options.lockout &&
        new LoginLockout(stores.loginFailures, stores.audit, { ...options.lockout, clock }),
    }),
    curation: new CurationService(stores, revisions, {
      beforeWrite: async () => options.publishedCuration?.ensureBaseline(),
      afterWrite: () => views.fresh(),
    }),
    audit: stores.audit,
    imageHosts: new ImageHostsService(stores.imageSettings, stores.audit, revisions, () => views.fresh()),
    syncJobs: new SyncJobService(stores, revisions, logger),
  };
}
