import type { Logger } from 'pino';
import type { Stores } from '../stores/stores.ts';
import { AssetService } from './asset.service.ts';
import { BrowseService } from './browse.service.ts';
import { CatalogueViews } from './catalogue-view.ts';
import { ChannelService } from './channel.service.ts';
import { DeviceService } from './device.service.ts';
import { createFamilyServices } from './family/family-services.ts';
import { HomeService } from './home.service.ts';
import { LessonService } from './lesson.service.ts';
import { RevisionTracker } from './revision-tracker.ts';
import { SearchService } from './search.service.ts';

export type Services = ReturnType<typeof createServices>;

export function createServices(
  stores: Stores,
  logger: Logger,
  clock?: () => Date,
  options: { familySecret?: string } = {},
) {
  const revisions = new RevisionTracker(stores.revision, logger);
  const views = new CatalogueViews(stores, revisions, logger);
  const channels = new ChannelService(stores, views, clock);
  const devices = new DeviceService(stores.events);
  const home = new HomeService(views, channels);
  return {
    revisions,
    views,
    lessons: new LessonService(stores, views),
    browse: new BrowseService(views),
    search: new SearchService(views),
    channels,
    devices,
    home,
    family: createFamilyServices(stores, views, { home, channels }, { secret: options.familySecret, clock }),
    assets: new AssetService(stores, revisions, () => views.fresh()),
  };
}
