import type { Lesson } from '@ketang/catalog';
import type { Logger } from 'pino';
import type { Config } from '../config/env.ts';
import { normaliseSlotTimes, readOrders, writeLessons } from '../services/catalogue-writer.ts';
import type { Services } from '../services/services.ts';
import { syncCatalogue } from '../services/sync/catalogue-sync.ts';
import type { Stores } from '../stores/stores.ts';
import { buildDemoExtras, ensureDemoMirror } from './demo-catalogue.ts';

/**
 * Loads the demo at every demo start (KETANG_DEMO=1): the demo mirror goes through the catalogue sync like any
 * operator's mirror (a no-op once synced), then the demo videos and the channels' week of timetable, which
 * starts today, whenever today is.
 */
export async function loadDemo(
  stores: Stores,
  services: Services,
  config: Pick<Config, 'demoMirrorDir' | 'mediaDir' | 'demoVideoDir'>,
  logger: Logger,
): Promise<void> {
  const started = performance.now();
  await ensureDemoMirror(config.demoMirrorDir);
  const report = await syncCatalogue(stores, services.revisions, config.demoMirrorDir);
  const [facets, textbooks, lessons] = await Promise.all([
    stores.facets.list(),
    stores.textbooks.list({ status: 'active' }),
    stores.lessons.list({ status: 'active', 'provenance.source': 'smartedu' }, { sortKey: 1 }),
  ]);
  const extras = await buildDemoExtras(config, { facets, textbooks, lessons: lessons as Lesson[] });
  await stores.assets.put(extras.assets);
  await stores.channels.put(extras.channels);
  await stores.slots.put(extras.slots.map(normaliseSlotTimes));
  const assetIds = new Set(extras.assets.map((asset) => asset.id));
  await writeLessons(stores, extras.videoLessons, await readOrders(stores), (id) => assetIds.has(id));
  await services.revisions.bump();
  await services.views.fresh();
  logger.info(
    {
      sync: report.totals,
      lessons: lessons.length + extras.videoLessons.length,
      textbooks: textbooks.length,
      playable: extras.assets.length,
      ms: Math.round(performance.now() - started),
    },
    'demo catalogue loaded',
  );
}
