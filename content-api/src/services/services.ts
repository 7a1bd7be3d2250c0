import type { Logger } from 'pino';
import type { Stores } from '../stores/stores.ts';
import { AssetService } from './asset.service.ts';
import { BrowseService } from './browse.service.ts';
import { CatalogueViews } from './catalogue-view.ts';
import { ChannelService } from './channel.service.ts';
import { DeviceService } from './device.service.ts';
import { createFamilyServices, type ActivationMode } from './family/family-services.ts';
import { ImageService } from './image.service.ts';
import { HomeService } from './home.service.ts';
import { LayoutDraftService } from './home-layout/layout-draft.service.ts';
import { LessonService } from './lesson.service.ts';
import { RevisionTracker } from './revision-tracker.ts';
import { SearchService } from './search.service.ts';
import { CatalogueChannelSet } from './releases/channel-set.ts';
import { ChannelSets } from './releases/channel-sets.ts';
import { DraftService } from './releases/draft.service.ts';
import { ReleaseService } from './releases/release.service.ts';
import { PreviewService } from './releases/preview.service.ts';
import { PublishedCuration } from './releases/published-curation.ts';

export type Services = ReturnType<typeof createServices>;

export type ServiceOptions = {
  /** Where made pictures are cached (under the data dir). */
  imageCacheDir: string;
  /** Where packaged assets (and their posters) are published. */
  mediaDir: string;
  /** Signs phone links; one is generated and kept in the store when unset. */
  familySecret?: string;
  /** How boxes get a credential (KETANG_ACTIVATION). */
  activation?: ActivationMode;
  /** Server time (tests move it); the box's clock is never trusted. */
  clock?: () => Date;
};

export function createServices(stores: Stores, logger: Logger, options: ServiceOptions) {
  const { clock } = options;
  const revisions = new RevisionTracker(stores.revision, logger);
  const views = new CatalogueViews(stores, revisions, logger);
  const channelSets = new ChannelSets(
    new CatalogueChannelSet(stores),
    stores.releases,
    new RevisionTracker(stores.releaseRevision, logger),
    clock,
  );
  const channels = new ChannelService(channelSets, views, clock);
  const publishedCuration = new PublishedCuration(stores.curationParts, stores.curation, channelSets, clock);
  const drafts = new DraftService(stores.drafts, channelSets, views, stores.audit, publishedCuration);
  const previews = new PreviewService(stores.backend, drafts, clock);
  channelSets.setPreviewLookup((code) => previews.channelSetOf(code));
  views.useReleases(publishedCuration, (code) => previews.regionOf(code));
  const devices = new DeviceService(stores.events, stores.households, clock);
  const home = new HomeService(views, channels, channelSets);
  return {
    revisions,
    views,
    lessons: new LessonService(stores, views),
    browse: new BrowseService(views),
    search: new SearchService(views),
    channels,
    channelSets,
    drafts,
    publishedCuration,
    releases: new ReleaseService(
      stores.releases,
      drafts,
      channelSets,
      stores.audit,
      publishedCuration,
      clock,
    ),
    previews,
    layouts: new LayoutDraftService(stores.drafts, drafts, views, stores.audit, clock),
    devices,
    home,
    family: createFamilyServices(
      stores,
      views,
      { home, channels },
      {
        secret: options.familySecret,
        clock,
        activation: options.activation,
      },
    ),
    assets: new AssetService(stores, revisions, () => views.fresh()),
    images: new ImageService(() => views.current(), {
      cacheDir: options.imageCacheDir,
      mediaDir: options.mediaDir,
    }),
  };
}
