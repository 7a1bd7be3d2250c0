import type {
  Channel,
  Facet,
  PackagedAsset,
  Provider,
  Section,
  Textbook,
  TimetableSlot,
} from '@ketang/catalog';
import type { DocumentStore } from '../db/document-store.ts';
import { EventStore } from './event.store.ts';
import { LessonStore, type LessonDocument } from './lesson.store.ts';
import { PROGRESS_COLLECTION, ProgressStore } from './progress.store.ts';
import { RecordStore, type StoredRecord } from './record-store.ts';
import { RevisionStore } from './revision.store.ts';
import { SyncStateStore } from './sync-state.store.ts';
import { AuditStore } from './audit.store.ts';
import { CurationStore } from './curation.store.ts';
import { CurationPartStore } from './curation-part.store.ts';
import { OperatorStore } from './operator.store.ts';
import { CredentialStore } from './credential.store.ts';
import { ActivationStore } from './activation.store.ts';
import { HEARTBEAT_COLLECTION, HeartbeatStore } from './heartbeat.store.ts';
import { HouseholdStore } from './household.store.ts';
import { ProfileStore } from './profile.store.ts';
import { SecretStore } from './secret.store.ts';
import { USAGE_COLLECTION, UsageStore } from './usage.store.ts';
import { WatchingStore } from './watching.store.ts';
import { WriteCoalescer } from '../db/write-coalescer.ts';
import { ImageSettingsStore } from './image-settings.store.ts';
import { LoginFailureStore } from './login-failure.store.ts';
import { DraftStore } from './draft.store.ts';
import { ReleaseStore } from './release.store.ts';
import { CarrierConfigStore } from './carrier-config.store.ts';
import { CarrierPackageStore } from './carrier-package.store.ts';
import { DashboardRollupStore } from './dashboard-rollup.store.ts';

/** Every store of the API over one backend; the only way services reach data. */
export type Stores = ReturnType<typeof createStoreSet>;

function createStoreSet(store: DocumentStore) {
  const collection = <R extends { id: string }>(name: string) => store.collection<StoredRecord<R>>(name);
  // Heartbeats of many boxes arriving together, with their progress and usage, become one durable write.
  const watchingWrites = new WriteCoalescer(store);
  const progress = new ProgressStore(watchingWrites.collection(PROGRESS_COLLECTION));
  const usage = new UsageStore(watchingWrites.collection(USAGE_COLLECTION));
  return {
    backend: store,
    facets: new RecordStore<Facet>(collection('facets')),
    providers: new RecordStore<Provider>(collection('providers')),
    textbooks: new RecordStore<Textbook>(collection('textbooks')),
    sections: new RecordStore<Section>(collection('sections')),
    channels: new RecordStore<Channel>(collection('channels')),
    slots: new RecordStore<TimetableSlot>(collection('slots')),
    assets: new RecordStore<PackagedAsset>(collection('assets')),
    lessons: new LessonStore(store.collection<LessonDocument>('lessons')),
    households: new HouseholdStore(store.collection('households')),
    credentials: new CredentialStore(store.collection('credentials')),
    activations: new ActivationStore(store.collection('activations')),
    profiles: new ProfileStore(store.collection('profiles')),
    progress,
    usage,
    heartbeats: new HeartbeatStore(watchingWrites.collection(HEARTBEAT_COLLECTION)),
    watching: new WatchingStore(watchingWrites, { progress: progress.cache, usage: usage.cache }),
    secrets: new SecretStore(store.collection('meta')),
    events: new EventStore(store.collection('events')),
    dashboards: new DashboardRollupStore(
      store.collection('qoe_daily'),
      store.collection('learning_daily'),
      store.collection('rollup_days'),
    ),
    revision: new RevisionStore(store.collection('meta')),
    releaseRevision: new RevisionStore(store.collection('meta'), 'releases'),
    drafts: new DraftStore(store),
    releases: new ReleaseStore(store),
    syncState: new SyncStateStore(store.collection('sync_state')),
    operators: new OperatorStore(store.collection('operators'), store.collection('sessions')),
    audit: new AuditStore(store.collection('audit')),
    loginFailures: new LoginFailureStore(store.collection('login_failures')),
    imageSettings: new ImageSettingsStore(store.collection('image_settings')),
    carrierConfigs: new CarrierConfigStore(store.collection('carrier_configs')),
    carrierPackages: new CarrierPackageStore(store),
    curationParts: new CurationPartStore(store),
    curation: new CurationStore(
      store.collection('curation_rules'),
      store.collection('region_settings'),
      store.collection('local_lessons'),
      store.collection('licensed_sources'),
    ),
  };
}

export function createStores(store: DocumentStore): Stores {
  return createStoreSet(store);
}

/** Creates the stores' indexes (idempotent; at every start). */
export async function ensureIndexes(store: DocumentStore): Promise<void> {
  await LessonStore.createIndexes(store.collection<LessonDocument>('lessons'));
  await ProgressStore.createIndexes(store.collection(PROGRESS_COLLECTION));
  await CredentialStore.createIndexes(store.collection('credentials'));
  await ActivationStore.createIndexes(store.collection('activations'));
  await ProfileStore.createIndexes(store.collection('profiles'));
  await UsageStore.createIndexes(store.collection(USAGE_COLLECTION));
  await HeartbeatStore.createIndexes(store.collection(HEARTBEAT_COLLECTION));
  await EventStore.createIndexes(store.collection('events'));
  await DashboardRollupStore.createIndexes(store.collection('qoe_daily'), store.collection('learning_daily'));
  await store.collection('slots').createIndex({ channelId: 1, start: 1 });
  await store.collection('textbooks').createIndex({ stageId: 1 });
  await store.collection('sync_state').createIndex({ target: 1 });
  await AuditStore.createIndexes(store.collection('audit'));
  await LoginFailureStore.createIndexes(store.collection('login_failures'));
  await DraftStore.createIndexes(store);
  await ReleaseStore.createIndexes(store);
  await CarrierConfigStore.createIndexes(store.collection('carrier_configs'));
  await CarrierPackageStore.createIndexes(store);
}
