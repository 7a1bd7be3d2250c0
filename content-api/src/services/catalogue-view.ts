import type { Facet, FacetKind, Section, Textbook } from '@ketang/catalog';
import type { Logger } from 'pino';
import type { LessonSummaryRecord } from '../stores/lesson.store.ts';
import type { Stores } from '../stores/stores.ts';
import type { RevisionTracker } from './revision-tracker.ts';
import { LessonIndex } from './lesson-index.ts';
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
  facets: ReadonlyMap<string, Facet>;
  textbooks: ReadonlyMap<string, Textbook>;
  sections: ReadonlyMap<string, Section>;
  tree: FacetNode[];
  unitCounts: ReadonlyMap<string, number>;
  sectionCounts: ReadonlyMap<string, number>;
  /** Active lessons in textbook order, for pages, rails and neighbours. */
  lessons: LessonIndex;
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

async function buildView(stores: Stores, revision: number): Promise<CatalogueView> {
  const [facetList, textbookList, sectionList, lessons] = await Promise.all([
    stores.facets.list(),
    stores.textbooks.list(),
    stores.sections.list(),
    stores.lessons.allSummaries(),
  ]);
  const facets = byId(facetList);
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
    revision,
    facets,
    textbooks: byId(textbookList),
    sections: byId(sectionList),
    tree: buildFacetTree(lessons, facets),
    unitCounts,
    sectionCounts,
    lessons: new LessonIndex(lessons),
    lessonSearch: new SearchIndex(
      lessons.map((lesson) => ({
        item: lesson,
        name: lesson.title.zh,
        alsoName: lesson.title.en,
        group: subjectName(lesson),
        tieBreak: lesson.sortKey,
      })),
    ),
    subjectSearch: new SearchIndex(
      facetList
        .filter((facet) => facet.kind === 'subject')
        .map((facet) => ({ item: facet, name: facet.name.zh, alsoName: facet.name.en, tieBreak: facet.id })),
    ),
  };
}

/**
 * Serves the view of the newest revision. After a write, requests keep getting the previous view while the
 * new one builds in the background (a few hundred ms on 100k lessons), so no request waits on a rebuild.
 */
export class CatalogueViews {
  private view: CatalogueView | undefined;
  private building: Promise<CatalogueView> | undefined;

  constructor(
    private readonly stores: Stores,
    private readonly revisions: RevisionTracker,
    private readonly logger: Logger,
  ) {}

  async current(): Promise<CatalogueView> {
    const wanted = this.revisions.current;
    if (this.view && this.view.revision >= wanted) return this.view;
    const build = this.rebuild(wanted);
    if (!this.view) return build;
    // The stale view answers now; a failed background rebuild is retried by the next request.
    build.catch((error: unknown) => this.logger.warn({ err: error }, 'catalogue view rebuild failed'));
    return this.view;
  }

  /** The newest view, waiting for a rebuild if one is due: for writers and tests that must see their write. */
  async fresh(): Promise<CatalogueView> {
    await this.revisions.refresh();
    const wanted = this.revisions.current;
    if (this.view && this.view.revision >= wanted) return this.view;
    return this.rebuild(wanted);
  }

  private rebuild(revision: number): Promise<CatalogueView> {
    if (this.building) return this.building;
    const started = performance.now();
    this.building = buildView(this.stores, revision)
      .then((view) => {
        this.view = view;
        this.logger.info({ revision, ms: Math.round(performance.now() - started) }, 'catalogue view built');
        return view;
      })
      .finally(() => {
        this.building = undefined;
      });
    return this.building;
  }
}
