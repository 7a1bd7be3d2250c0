import { LRUCache } from 'lru-cache';
import type { CurationPartStore } from '../../stores/curation-part.store.ts';
import { NATIONAL, type CurationSnapshot, type CurationStore } from '../../stores/curation.store.ts';
import type { ReleaseMeta } from '../../stores/release.store.ts';
import { regionsWithOwnCuration } from '../region-overlay.ts';
import type { ChannelSets } from './channel-sets.ts';
import {
  curationPartOf,
  curationPartRef,
  EMPTY_PART,
  hasOwnCuration,
  layeredCuration,
  type CurationPart,
  type CurationPartRef,
} from './curation-part.ts';

type Clock = () => Date;

/**
 * The curation a catalogue view applies, and the key that tells it apart in the view cache: `curation` absent
 * means the snapshot's own (draft, live) curation of `region`.
 */
export type CurationLayers = { key: string; region: string; curation?: CurationSnapshot };

/**
 * Which curation devices see: curation is edited as a draft (the curation collections) and published inside
 * releases. Curation is per region, whatever the carrier: a region's published part is the one of its newest
 * release that has taken effect, of any carrier (a release of any carrier publishes the region's draft
 * curation for every carrier of the region); a region without a release shows its baseline, taken from the
 * live curation on upgrade, so no family sees a change then. Under every region lies the national part.
 */
export class PublishedCuration {
  private baselineLoading: Promise<Record<string, string>> | undefined;
  /** Parts never change (an id is its content): each is read once. */
  private readonly parts = new LRUCache<string, Promise<CurationPart>>({ max: 256 });
  /** Layers per region, worked out once per channel-sets stamp (which changes when any release takes effect). */
  private readonly layers = new LRUCache<string, Promise<CurationLayers>>({ max: 512 });
  private layersStamp = '';

  constructor(
    private readonly store: CurationPartStore,
    private readonly curation: CurationStore,
    private readonly channelSets: ChannelSets,
    private readonly clock: Clock = () => new Date(),
  ) {}

  /**
   * Takes the baseline from the live curation once, on the first start after the upgrade (or on a new store,
   * where it is empty). Every draft write waits for it first, so a draft never leaks into the baseline.
   */
  ensureBaseline(): Promise<Record<string, string>> {
    this.baselineLoading ??= this.loadBaseline().catch((error: unknown) => {
      this.baselineLoading = undefined;
      throw error;
    });
    return this.baselineLoading;
  }

  /** The curation layers of a region's published view (memoised per stamp; the common path is a map hit). */
  layersFor(region: string): Promise<CurationLayers> {
    const stamp = this.channelSets.stamp();
    if (stamp !== this.layersStamp) {
      this.layers.clear();
      this.layersStamp = stamp;
    }
    let layers = this.layers.get(region);
    if (!layers) {
      layers = this.resolveLayers(region);
      this.layers.set(region, layers);
      layers.catch(() => this.layers.delete(region));
    }
    return layers;
  }

  /** A region's published part: what its draft curation is compared with. */
  async publishedPart(region: string): Promise<CurationPart> {
    const id = await this.publishedPartId(region);
    return id ? this.part(id) : EMPTY_PART(region);
  }

  /** A region's draft part, stored, for a release to refer to. */
  async snapshotDraft(region: string): Promise<CurationPartRef> {
    await this.ensureBaseline();
    const part = curationPartOf(await this.curation.snapshot(), region);
    await this.store.add([part]);
    return curationPartRef(part, await this.nextSeq(region));
  }

  /** A region's draft part (not stored): what publishing would take. */
  async draftPart(region: string): Promise<CurationPart> {
    return curationPartOf(await this.curation.snapshot(), region);
  }

  /** The part a release holds: its own, or (a release made before curation joined releases) the baseline's. */
  async partOfRelease(meta: ReleaseMeta): Promise<CurationPartRef> {
    const seq = await this.nextSeq(meta.region);
    if (meta.parts?.curation) return { ...meta.parts.curation, seq };
    const id = (await this.ensureBaseline())[meta.region];
    return curationPartRef(id ? await this.part(id) : EMPTY_PART(meta.region), seq);
  }

  private async nextSeq(region: string): Promise<number> {
    const metas = await this.channelSets.releaseMetas();
    return 1 + Math.max(0, ...metas.filter((meta) => meta.region === region).map(seqOf));
  }

  private async loadBaseline(): Promise<Record<string, string>> {
    const stored = await this.store.baseline();
    if (stored) return stored;
    const live = await this.curation.snapshot();
    return this.store.setBaseline(
      [...regionsWithOwnCuration(live)].map((region) => curationPartOf(live, region)),
    );
  }

  private async publishedPartId(region: string): Promise<string | undefined> {
    const baseline = await this.ensureBaseline();
    const metas = (await this.channelSets.releaseMetas()).filter((meta) => meta.region === region);
    const current = latestEffective(metas, this.clock().getTime());
    if (!current) return baseline[region];
    return current.parts?.curation?.chunk ?? baseline[region];
  }

  private async resolveLayers(region: string): Promise<CurationLayers> {
    const [nationalId, ownId] = await Promise.all([
      this.publishedPartId(NATIONAL),
      region === NATIONAL ? undefined : this.publishedPartId(region),
    ]);
    const national = nationalId ? await this.part(nationalId) : EMPTY_PART(NATIONAL);
    const own = ownId ? await this.part(ownId) : undefined;
    if (!own || !hasOwnCuration(own, national)) {
      return {
        key: `published|${NATIONAL}|${nationalId ?? '-'}`,
        region: NATIONAL,
        curation: layeredCuration(national, undefined),
      };
    }
    return {
      key: `published|${region}|${nationalId ?? '-'}|${ownId}`,
      region,
      curation: layeredCuration(national, own),
    };
  }

  private part(id: string): Promise<CurationPart> {
    let part = this.parts.get(id);
    if (!part) {
      part = this.store.read([id]).then((found) => {
        const stored = found.get(id);
        if (!stored) throw new Error(`curation part ${id} is referred to but not stored`);
        return stored;
      });
      this.parts.set(id, part);
      part.catch(() => this.parts.delete(id));
    }
    return part;
  }
}

const seqOf = (meta: ReleaseMeta) => meta.parts?.curation?.seq ?? 0;

/**
 * Of a region's releases (every carrier), the one whose curation devices see: the newest that has taken effect,
 * by publishAt, then by the order they were published in.
 */
function latestEffective(metas: readonly ReleaseMeta[], now: number): ReleaseMeta | undefined {
  let latest: ReleaseMeta | undefined;
  for (const meta of metas) {
    if (meta.cancelledAt || Date.parse(meta.publishAt) > now) continue;
    const isLater =
      !latest ||
      meta.publishAt > latest.publishAt ||
      (meta.publishAt === latest.publishAt &&
        (seqOf(meta) > seqOf(latest) ||
          (seqOf(meta) === seqOf(latest) && meta.createdAt > latest.createdAt)));
    if (isLater) latest = meta;
  }
  return latest;
}
