import type { Logger } from 'pino';
import type { Config } from '../config/env.ts';
import { writeCatalogue } from '../services/catalogue-writer.ts';
import type { Services } from '../services/services.ts';
import type { Stores } from '../stores/stores.ts';
import { buildDemoCatalogue } from './demo-catalogue.ts';

/**
 * Loads the demo catalogue at every demo start (KETANG_DEMO=1): idempotent upserts, and the channels'
 * week of timetable starts today, whenever today is.
 */
export async function loadDemo(
  stores: Stores,
  services: Services,
  config: Pick<Config, 'demoMirrorDir' | 'mediaDir' | 'demoVideoDir'>,
  logger: Logger,
): Promise<void> {
  const started = performance.now();
  const catalogue = await buildDemoCatalogue({
    mirrorDir: config.demoMirrorDir,
    mediaDir: config.mediaDir,
    demoVideoDir: config.demoVideoDir,
  });
  await writeCatalogue(stores, catalogue);
  await services.views.fresh();
  logger.info(
    {
      lessons: catalogue.lessons.length,
      textbooks: catalogue.textbooks.length,
      playable: catalogue.assets.length,
      ms: Math.round(performance.now() - started),
    },
    'demo catalogue loaded',
  );
}
