import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Logger } from 'pino';
import { loadConfig, type Config } from '../../config/env.ts';
import type { Stores } from '../../stores/stores.ts';
import type { CurationService } from '../curation.service.ts';
import type { Services } from '../services.ts';
import { PackagingJobService } from './packaging-jobs.service.ts';
import { UploadServer } from './upload-server.ts';

/**
 * Uploads and packaging jobs, with their folders under the data dir (`packaging/uploads`, `packaging/jobs`);
 * a config built by hand without a data dir (tests) gets a temporary one.
 */
export function createPackaging(
  config: Partial<Pick<Config, 'dataDir' | 'uploadMaxBytes' | 'uploadExpiryHours'>> &
    Pick<Config, 'mediaDir'>,
  stores: Stores,
  services: Services,
  curation: CurationService,
  logger: Logger,
) {
  const root = path.join(
    config.dataDir ?? path.join(tmpdir(), `ketang-packaging-${process.pid}`),
    'packaging',
  );
  const defaults = loadConfig({});
  const maxBytes = config.uploadMaxBytes ?? defaults.uploadMaxBytes!;
  const uploadExpiryMs = (config.uploadExpiryHours ?? defaults.uploadExpiryHours!) * 3_600_000;
  const uploads = new UploadServer(path.join(root, 'uploads'), { maxBytes, expiryMs: uploadExpiryMs });
  const jobs = new PackagingJobService({
    stores,
    uploads,
    assets: services.assets,
    curation,
    logger,
    mediaDir: config.mediaDir,
    jobsDir: path.join(root, 'jobs'),
    uploadExpiryMs,
  });
  return { uploads, jobs, maxBytes };
}
