import { NotFoundError } from '../errors.ts';
import type { FacetNodeOutput, TextbookDetail, SectionOutput } from '@ketang/contract';
import type { CatalogueView, CatalogueViews } from './catalogue-view.ts';
import { toFacetTree, toTextbookDetail } from './mappers.ts';
import type { Section } from '@ketang/catalog';

export function toSectionOutput(section: Section, view: CatalogueView): SectionOutput {
  return {
    id: section.id,
    kind: section.kind,
    title: section.title,
    categories: [...section.categories]
      .sort((a, b) => a.order - b.order)
      .map(({ id, title }) => ({ id, title })),
    lessonCount: view.sectionCounts.get(section.id) ?? 0,
  };
}

/** The browse hierarchy: facets with counts, textbooks with their unit trees, and sections. */
export class BrowseService {
  constructor(private readonly views: CatalogueViews) {}

  async facetTree(region?: string, preview?: string): Promise<{ tree: FacetNodeOutput[] }> {
    return { tree: toFacetTree((await this.views.current(region, preview)).tree) };
  }

  async textbook(id: string, region?: string, preview?: string): Promise<TextbookDetail> {
    const view = await this.views.current(region, preview);
    const textbook = view.textbooks.get(id);
    if (!textbook || textbook.status !== 'active') throw new NotFoundError('textbook', id);
    return toTextbookDetail(textbook, view);
  }

  async sections(region?: string): Promise<{ items: SectionOutput[] }> {
    const view = await this.views.current(region);
    const sections = [...view.sections.values()].sort((a, b) => a.order - b.order);
    return { items: sections.map((section) => toSectionOutput(section, view)) };
  }

  async section(id: string, region?: string): Promise<SectionOutput> {
    const view = await this.views.current(region);
    const section = view.sections.get(id);
    if (!section) throw new NotFoundError('section', id);
    return toSectionOutput(section, view);
  }
}
