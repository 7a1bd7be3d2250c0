import type { Stores } from '../../stores/stores.ts';
import type { CatalogueViews } from '../catalogue-view.ts';
import type { ChannelService } from '../channel.service.ts';
import type { HomeService } from '../home.service.ts';
import { ActivationService } from './activation.service.ts';
import { BoxDevicesService } from './box-devices.service.ts';
import { BoxCredentials, FamilyAuthenticator } from './family-auth.ts';
import { HouseholdAccess } from './household-access.ts';
import { HouseholdService } from './household.service.ts';
import { KeyedLock } from './keyed-lock.ts';
import { PhoneLinks } from './phone-links.ts';
import { PlaybackKeyService } from '../playback/playback-key.service.ts';
import { PinService } from './pin.service.ts';
import { ProfileHomeService } from './profile-home.service.ts';
import { ProgressService } from './progress.service.ts';
import { ReportService } from './report.service.ts';
import { UsageService } from './usage.service.ts';

export type FamilyServices = ReturnType<typeof createFamilyServices>;
/** `activation: 'code'` (KETANG_ACTIVATION) refuses first starts and first-start credentials. */
export type ActivationMode = 'first-start' | 'code';
export type FamilyOptions = { secret?: string; clock?: () => Date; activation?: ActivationMode };

/** The family services, each given only the stores it uses; one lock per profile shared by every writer. */
export function createFamilyServices(
  stores: Stores,
  views: CatalogueViews,
  catalogue: { home: HomeService; channels: ChannelService },
  options: FamilyOptions = {},
) {
  const clock = options.clock ?? (() => new Date());
  let secret: Promise<string> | undefined;
  // Read once; a failed read (store down) is not kept, so the next request tries again.
  const familySecret = () =>
    (secret ??= options.secret
      ? Promise.resolve(options.secret)
      : stores.secrets.familySecret().catch((error: unknown) => {
          secret = undefined;
          throw error;
        }));
  const access = new HouseholdAccess(stores.households, stores.profiles);
  const lock = new KeyedLock();
  const activation = options.activation ?? 'first-start';
  const boxes = new BoxCredentials(
    stores.credentials,
    new Set(activation === 'code' ? ['activated'] : ['first-start', 'activated']),
    clock,
  );
  const phoneLinks = new PhoneLinks(familySecret, clock);
  const watching = { progress: stores.progress, usage: stores.usage, heartbeats: stores.heartbeats };
  return {
    authenticator: new FamilyAuthenticator([phoneLinks, boxes]),
    phoneLinks,
    activation,
    activations: new ActivationService(
      {
        activations: stores.activations,
        households: stores.households,
        curation: stores.curation,
        audit: stores.audit,
        carrierConfigs: stores.carrierConfigs,
      },
      boxes,
      new KeyedLock(),
      clock,
    ),
    devices: new BoxDevicesService(
      {
        credentials: stores.credentials,
        households: stores.households,
        carrierConfigs: stores.carrierConfigs,
        audit: stores.audit,
      },
      boxes,
      clock,
    ),
    households: new HouseholdService(
      access,
      { households: stores.households, profiles: stores.profiles, ...watching },
      boxes,
      views,
      clock,
    ),
    playbackKeys: new PlaybackKeyService(views, stores.households),
    pins: new PinService(access, stores.households, lock, clock),
    progress: new ProgressService(
      access,
      { ...watching, lessons: stores.lessons, watching: stores.watching },
      views,
      lock,
      clock,
    ),
    usage: new UsageService(access, stores.usage, lock, clock),
    reports: new ReportService(access, watching, views, clock),
    profileHome: new ProfileHomeService(
      access,
      { progress: stores.progress, usage: stores.usage, curation: stores.curation },
      views,
      catalogue,
      clock,
    ),
  };
}
