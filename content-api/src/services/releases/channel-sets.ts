import { LRUCache } from 'lru-cache';
import type { ReleaseMeta, ReleaseStore } from '../../stores/release.store.ts';
import type { RevisionTracker } from '../revision-tracker.ts';
import { SnapshotChannelSet, type ChannelSet } from './channel-set.ts';
import { ReleaseTimeline } from './release-timeline.ts';
import { fallbackScopes, scopeKey, type DeviceScope, type ScheduledSlot, type Scope } from './scope.ts';

type Clock = () => Date;
/** A draft under preview, by its pairing code (undefined when the code is unknown or expired). */
export type PreviewLookup = (code: string) => Promise<ChannelSet | undefined>;

/** Of a scope's releases, the current one: the newest whose publishAt has come (decided on read, no timer). */
export function currentRelease(metas: readonly ReleaseMeta[], now: number): ReleaseMeta | undefined {
  let current: ReleaseMeta | undefined;
  for (const meta of metas) {
    if (meta.cancelledAt || Date.parse(meta.publishAt) > now) continue;
    if (
      !current ||
      meta.publishAt > current.publishAt ||
      (meta.publishAt === current.publishAt && meta.version > current.version)
    )
      current = meta;
  }
  return current;
}

/**
 * Decides which channel set a device sees — the one place that does: its preview's draft, else the current
 * release of the first scope in its fallback chain that has one, else the catalogue's channels. Release metas
 * are kept in memory per releases revision (bumped by every publish, polled from other instances); a
 * release's content is read once, since it never changes.
 */
export class ChannelSets {
  private metas: ReleaseMeta[] = [];
  /** The metas' publish times, parsed once per loaded revision (stamp() runs on every device read). */
  private timeline = new ReleaseTimeline([]);
  private loadedRevision = -1;
  private loading: Promise<void> | undefined;
  private readonly contents = new LRUCache<string, Promise<SnapshotChannelSet>>({ max: 64 });
  private previewLookup: PreviewLookup | undefined;

  constructor(
    private readonly catalogue: ChannelSet,
    private readonly releases: ReleaseStore,
    readonly tracker: RevisionTracker,
    private readonly clock: Clock = () => new Date(),
  ) {}

  /** Lets a device with a pairing code see a draft (the draft service answers codes). */
  setPreviewLookup(lookup: PreviewLookup): void {
    this.previewLookup = lookup;
  }

  async forDevice(scope: DeviceScope): Promise<ChannelSet> {
    if (scope.preview) {
      const preview = await this.previewLookup?.(scope.preview);
      if (preview) return preview;
    }
    return this.published(scope);
  }

  /** What devices of a scope see without a preview, and the release it comes from. */
  async published(scope: DeviceScope): Promise<ChannelSet> {
    const metas = await this.allMetas();
    const now = this.clock().getTime();
    for (const candidate of fallbackScopes(scope)) {
      const current = currentRelease(this.metasOf(metas, candidate), now);
      if (current) return this.contentOf(current);
    }
    return this.catalogue;
  }

  /** Every release's meta, as last loaded (cancelled ones included). */
  releaseMetas(): Promise<ReleaseMeta[]> {
    return this.allMetas();
  }

  /** The releases of one scope, as last loaded. */
  async scopeMetas(scope: Scope): Promise<ReleaseMeta[]> {
    return this.metasOf(await this.allMetas(), scope);
  }

  /**
   * Changes whenever what any device sees may change: a release written (the revision) or a scheduled one
   * taking effect (how many have). Device read caches key their entries by it.
   */
  stamp(): string {
    const now = this.clock().getTime();
    this.refreshIfStale();
    return `${this.loadedRevision}.${this.timeline.effectiveAt(now)}`;
  }

  /** Whole seconds until the next scheduled release takes effect, if one is waiting. */
  secondsUntilChange(): number | undefined {
    const now = this.clock().getTime();
    const next = this.timeline.nextAfter(now);
    return next === undefined ? undefined : Math.floor((next - now) / 1000);
  }

  /** Reloads the metas after a write in this process, before its answer, so the next read sees it. */
  async reload(): Promise<void> {
    await this.tracker.bump();
    await this.allMetas();
  }

  private metasOf(metas: readonly ReleaseMeta[], scope: Scope): ReleaseMeta[] {
    return metas.filter((meta) => meta.region === scope.region && meta.carrier === scope.carrier);
  }

  private refreshIfStale(): void {
    if (this.loadedRevision !== this.tracker.current) this.allMetas().catch(() => undefined);
  }

  private async allMetas(): Promise<ReleaseMeta[]> {
    while (this.loadedRevision !== this.tracker.current) {
      const revision = this.tracker.current;
      this.loading ??= this.releases.listMetas().then(
        (metas) => {
          this.metas = metas;
          this.timeline = new ReleaseTimeline(metas);
          this.loadedRevision = revision;
        },
        (error: unknown) => {
          this.loading = undefined;
          throw error;
        },
      );
      const loading = this.loading;
      await loading;
      if (this.loading === loading) this.loading = undefined;
    }
    return this.metas;
  }

  private contentOf(meta: ReleaseMeta): Promise<SnapshotChannelSet> {
    const key = `${scopeKey(meta)}|${meta.version}`;
    let content = this.contents.get(key);
    if (!content) {
      content = this.readContent(meta, key);
      this.contents.set(key, content);
      content.catch(() => this.contents.delete(key));
    }
    return content;
  }

  private async readContent(meta: ReleaseMeta, key: string): Promise<SnapshotChannelSet> {
    const record = await this.releases.get(scopeKey(meta), meta.version);
    if (!record) throw new Error(`release ${key} is listed but not stored`);
    const chunks = await this.releases.readChunks([...new Set(record.days.map((day) => day.chunk))]);
    const slots = new Map<string, ScheduledSlot[]>();
    for (const day of record.days) {
      const list = slots.get(day.channelId) ?? [];
      list.push(...(chunks.get(day.chunk) ?? []));
      slots.set(day.channelId, list);
    }
    const ref = { region: meta.region, carrier: meta.carrier, version: meta.version };
    return new SnapshotChannelSet(`release:${key}`, record.channels, slots, ref, record.layouts ?? []);
  }
}
