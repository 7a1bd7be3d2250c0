import type { Facet, FacetKind, Section, Textbook } from '@ketang/catalog';
import type { Logger } from 'pino';
import type { LessonRecord, LessonSummaryRecord } from '../stores/lesson.store.ts';
import type { Stores } from '../stores/stores.ts';
import { NATIONAL, type CurationSnapshot, type LicensedSource } from '../stores/curation.store.ts';
import type { RevisionTracker } from './revision-tracker.ts';
import { ImageLinks } from '../images/image-links.ts';
import type { ImageSettings } from '../stores/image-settings.store.ts';
import { applyRegionCuration, regionsWithOwnCuration } from './region-overlay.ts';
import { LessonIndex } from './lesson-index.ts';
import type { CurationLayers } from './releases/published-curation.ts';
import { SearchIndex } from './search-index.ts';

export type FacetNode = {
  kind: FacetKind;
  id: string;
  name: Facet['name'];
  count: number;
  children: FacetNode[];
  textbookIds?: string[];
};

/**
 * What is derived from the whole catalogue at one revision and kept in memory: facet lookups, the facet
 * tree with lesson counts, lesson counts per unit and section, and the search indexes.
 */
export type CatalogueView = {
  revision: number;
  /** The region whose curation this view applies (`national` for every region without its own). */
  region: string;
  facets: ReadonlyMap<string, Facet>;
  textbooks: ReadonlyMap<string, Textbook>;
  sections: ReadonlyMap<string, Section>;
  tree: FacetNode[];
  unitCounts: ReadonlyMap<string, number>;
  sectionCounts: ReadonlyMap<string, number>;
  /** Active lessons in textbook order, for pages, rails and neighbours. */
  lessons: LessonIndex;
  /** The region's own lessons, stored beside the imported records, in stored form. */
  localLessons: ReadonlyMap<string, LessonRecord>;
  /** Licensed sources operators attached, by lesson id. */
  sources: ReadonlyMap<string, LicensedSource>;
  /** Ids of the packaged assets the API knows: what decides whether a packaged source plays. */
  assetIds: ReadonlySet<string>;
  /** Packaged assets' posters by asset id, with the packaging time that versions their picture URLs. */
  posters: ReadonlyMap<string, { url: string; version: string }>;
  /** Hosts operators allow pictures to be fetched from (lower case). */
  imageHosts: ReadonlySet<string>;
  /** Signs and reads the API's image URLs. */
  images: ImageLinks;
  lessonSearch: SearchIndex<LessonSummaryRecord>;
  subjectSearch: SearchIndex<Facet>;
};

const byId = <T extends { id: string }>(records: readonly T[]) =>
  new Map(records.map((record) => [record.id, record]));

function increment(counts: Map<string, number>, key: string): void {
  counts.set(key, (counts.get(key) ?? 0) + 1);
}

/** stage → grade (when the stage has grades) → subject → edition → volume, each with its lesson count. */
function buildFacetTree(
  lessons: readonly LessonSummaryRecord[],
  facets: ReadonlyMap<string, Facet>,
): FacetNode[] {
  const roots = new Map<string, FacetNode>();
  const childOf = (parent: Map<string, FacetNode> | FacetNode, id: string): FacetNode | undefined => {
    const siblings = parent instanceof Map ? parent : new Map(parent.children.map((node) => [node.id, node]));
    let node = siblings.get(id);
    if (node) return node;
    const facet = facets.get(id);
    if (!facet) return undefined;
    node = { kind: facet.kind, id, name: facet.name, count: 0, children: [] };
    if (parent instanceof Map) parent.set(id, node);
    else parent.children.push(node);
    return node;
  };
  for (const lesson of lessons) {
    const placement = lesson.placement;
    if (placement.kind !== 'textbook') continue;
    const path = [
      placement.stageId,
      placement.gradeId,
      placement.subjectId,
      placement.editionId,
      placement.volumeId,
    ];
    let parent: Map<string, FacetNode> | FacetNode = roots;
    let node: FacetNode | undefined;
    for (const id of path) {
      if (!id) continue;
      node = childOf(parent, id);
      if (!node) break;
      node.count += 1;
      parent = node;
    }
    if (node?.kind === 'volume') {
      node.textbookIds ??= [];
      if (!node.textbookIds.includes(placement.textbookId)) node.textbookIds.push(placement.textbookId);
    }
  }
  return sortTree([...roots.values()], facets);
}

function sortTree(nodes: FacetNode[], facets: ReadonlyMap<string, Facet>): FacetNode[] {
  nodes.sort((a, b) => (facets.get(a.id)?.order ?? 0) - (facets.get(b.id)?.order ?? 0));
  for (const node of nodes) sortTree(node.children, facets);
  return nodes;
}

/** The catalogue as stored at one revision: what every region's view is derived from. */
type CatalogueData = {
  revision: number;
  facets: Facet[];
  textbooks: Textbook[];
  sections: Section[];
  lessons: LessonSummaryRecord[];
  /** The stored (draft) curation: what previews show; devices see the published curation instead. */
  curation: CurationSnapshot;
  assetIds: ReadonlySet<string>;
  posters: ReadonlyMap<string, { url: string; version: string }>;
  imageSettings: ImageSettings;
};

async function loadCatalogue(stores: Stores, revision: number): Promise<CatalogueData> {
  const [facets, textbooks, sections, lessons, curation, assetIds, posters, imageSettings] =
    await Promise.all([
      stores.facets.list(),
      stores.textbooks.list(),
      stores.sections.list(),
      stores.lessons.allSummaries(),
      stores.curation.snapshot(),
      stores.assets.idsWhere({}),
      stores.assets.fieldsWhere({ posterUrl: { $exists: true } }, ['posterUrl', 'createdAt']),
      stores.imageSettings.read(),
    ]);
  return {
    revision,
    facets,
    textbooks,
    sections,
    lessons,
    curation,
    assetIds: new Set(assetIds),
    posters: new Map(posters.map((asset) => [asset.id, { url: asset.posterUrl!, version: asset.createdAt }])),
    imageSettings,
  };
}

const isUncurated = (curation: CurationSnapshot) =>
  curation.rules.length +
    curation.settings.length +
    curation.localLessons.length +
    curation.sources.length ===
  0;

function deriveView(data: CatalogueData, region: string, curation: CurationSnapshot): CatalogueView {
  const facets = byId(data.facets);
  const sections = byId(data.sections);
  const sources = new Map(curation.sources.map((source) => [source.lessonId, source]));
  const curated = isUncurated(curation)
    ? { lessons: data.lessons, textbooks: data.textbooks, localLessons: new Map() }
    : applyRegionCuration({
        region,
        lessons: data.lessons,
        textbooks: data.textbooks,
        curation,
        sources,
        assetIds: data.assetIds,
        orders: { facets, textbooks: byId(data.textbooks), sections },
      });
  const lessons = curated.lessons;
  const unitCounts = new Map<string, number>();
  const sectionCounts = new Map<string, number>();
  for (const lesson of lessons) {
    if (lesson.placement.kind === 'textbook')
      lesson.placement.unitIds.forEach((id) => increment(unitCounts, id));
    else increment(sectionCounts, lesson.placement.sectionId);
  }
  const subjectName = (lesson: LessonSummaryRecord) =>
    lesson.placement.kind === 'textbook' ? facets.get(lesson.placement.subjectId)?.name.zh : undefined;
  return {
    revision: data.revision,
    region,
    facets,
    textbooks: byId(curated.textbooks),
    sections,
    tree: buildFacetTree(lessons, facets),
    unitCounts,
    sectionCounts,
    lessons: new LessonIndex(lessons),
    localLessons: curated.localLessons,
    sources,
    assetIds: data.assetIds,
    posters: data.posters,
    imageHosts: new Set(data.imageSettings.allowedHosts),
    images: new ImageLinks(data.imageSettings.signingKey),
    lessonSearch: new SearchIndex(
      lessons.map((lesson) => ({
        item: lesson,
        name: lesson.title.zh,
        alsoName: lesson.title.en,
        group: subjectName(lesson),
        isPreferred: lesson.playable,
        tieBreak: lesson.sortKey,
      })),
    ),
    subjectSearch: new SearchIndex(
      data.facets
        .filter((facet) => facet.kind === 'subject')
        .map((facet) => ({ item: facet, name: facet.name.zh, alsoName: facet.name.en, tieBreak: facet.id })),
    ),
  };
}

/** Views kept at once per revision; the national one is always kept. */
const MAX_REGION_VIEWS = 16;

/** One revision's catalogue and the views derived from it so far, by the key of the curation they apply. */
class Snapshot {
  private readonly views = new Map<string, { layers: CurationLayers; view: CatalogueView }>();
  /** Worked out once per revision: which regions have draft curation of their own (previews, no releases). */
  private readonly draftRegions: ReadonlySet<string>;

  constructor(readonly data: CatalogueData) {
    this.draftRegions = regionsWithOwnCuration(data.curation);
  }

  get revision(): number {
    return this.data.revision;
  }

  /** The curation of the views in use: derived again for the next revision before it is swapped in. */
  get inUse(): CurationLayers[] {
    return [...this.views.values()].map((entry) => entry.layers);
  }

  /**
   * The draft (live) curation of a region: what a preview shows. A region without draft curation of its own
   * sees the national draft view.
   */
  draftLayers(region: string): CurationLayers {
    const key = this.draftRegions.has(region) ? region : NATIONAL;
    return { key: `draft|${key}`, region: key };
  }

  view(layers: CurationLayers): CatalogueView {
    let entry = this.views.get(layers.key);
    if (!entry) {
      entry = { layers, view: deriveView(this.data, layers.region, layers.curation ?? this.data.curation) };
      if (this.views.size >= MAX_REGION_VIEWS) {
        const evicted = [...this.views.keys()].find((key) => this.views.get(key)?.layers.region !== NATIONAL);
        if (evicted) this.views.delete(evicted);
      }
      this.views.set(layers.key, entry);
    }
    return entry.view;
  }
}

/** Where the curation devices see comes from once releases hold it (see PublishedCuration). */
export interface CurationLayersSource {
  layersFor(region: string): Promise<CurationLayers>;
}

/**
 * Serves each region's view of the newest revision, with the curation of the region's published release (a
 * preview code's draft curation for a box previewing one). Views are kept per revision and curation key, so a
 * release taking effect derives the region's view once. After a write, requests keep getting the previous
 * views while the new revision loads in the background (with the views in use derived before the swap), so
 * no request waits on a rebuild.
 */
export class CatalogueViews {
  private snapshot: Snapshot | undefined;
  private building: Promise<Snapshot> | undefined;
  private published: CurationLayersSource | undefined;
  private previewRegion: (code: string) => Promise<string | undefined> = async () => undefined;

  constructor(
    private readonly stores: Stores,
    private readonly revisions: RevisionTracker,
    private readonly logger: Logger,
  ) {}

  /**
   * Devices see published curation from now on (without this, the stored curation applies at once), and a
   * preview code's region shows its draft curation.
   */
  useReleases(published: CurationLayersSource, previewRegion: (code: string) => Promise<string | undefined>) {
    this.published = published;
    this.previewRegion = previewRegion;
  }

  async current(region: string = NATIONAL, preview?: string): Promise<CatalogueView> {
    const wanted = this.revisions.current;
    let snapshot = this.snapshot;
    if (!snapshot || snapshot.revision < wanted) {
      const build = this.rebuild(wanted);
      if (snapshot) {
        // The stale view answers now; a failed background rebuild is retried by the next request.
        build.catch((error: unknown) => this.logger.warn({ err: error }, 'catalogue view rebuild failed'));
      } else snapshot = await build;
    }
    return this.viewOf(snapshot, region, preview);
  }

  /** The newest view, waiting for a rebuild if one is due: for writers and tests that must see their write. */
  async fresh(region: string = NATIONAL, preview?: string): Promise<CatalogueView> {
    await this.revisions.refresh();
    const wanted = this.revisions.current;
    const snapshot =
      this.snapshot && this.snapshot.revision >= wanted ? this.snapshot : await this.rebuild(wanted);
    return this.viewOf(snapshot, region, preview);
  }

  private async viewOf(snapshot: Snapshot, region: string, preview: string | undefined) {
    if (preview) {
      const previewed = await this.previewRegion(preview);
      if (previewed) return snapshot.view(snapshot.draftLayers(previewed));
    }
    if (!this.published) return snapshot.view(snapshot.draftLayers(region));
    return snapshot.view(await this.published.layersFor(region));
  }

  private rebuild(revision: number): Promise<Snapshot> {
    if (this.building) return this.building;
    const started = performance.now();
    const inUse = this.snapshot?.inUse ?? [];
    this.building = loadCatalogue(this.stores, revision)
      .then((data) => {
        const snapshot = new Snapshot(data);
        // A draft view's layers name the snapshot's own curation, so it is derived afresh from the new data.
        for (const layers of inUse) snapshot.view(layers);
        this.snapshot = snapshot;
        const ms = Math.round(performance.now() - started);
        this.logger.info({ revision, views: inUse.map((layers) => layers.key), ms }, 'catalogue view built');
        return snapshot;
      })
      .finally(() => {
        this.building = undefined;
      });
    return this.building;
  }
}
