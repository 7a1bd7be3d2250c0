import type { Provenance } from '../../../model/common.ts';
import type { FacetValues } from '../../../model/facets.ts';
import type { Textbook, Unit } from '../../../model/textbook.ts';
import { UNTITLED_ZH } from '../vocabulary.ts';
import { toSmarteduId } from './ids.ts';
import type { SourceChapterNode, TextbookEntry } from './source-schemas.ts';
import { cleanUrl, normalizeDateTime } from './values.ts';

/** A textbook's chapter tree, indexed so lessons can be placed and sorted in textbook order. */
export interface ChapterIndex {
  units: Unit[];
  /** Upstream chapter id → position in a depth-first walk (textbook order). */
  positionOf: Map<string, number>;
}

export function mapChapterTree(roots: readonly SourceChapterNode[]): ChapterIndex {
  const positionOf = new Map<string, number>();
  const mapNodes = (nodes: readonly SourceChapterNode[]): Unit[] =>
    nodes.map((node, order) => {
      if (!positionOf.has(node.id)) positionOf.set(node.id, positionOf.size);
      return {
        id: toSmarteduId(node.id),
        title: { zh: node.title?.trim() || UNTITLED_ZH },
        order,
        children: mapNodes(node.child_nodes ?? []),
      };
    });
  return { units: mapNodes(roots), positionOf };
}

export interface TextbookContext {
  facets: FacetValues;
  isNewCurriculum?: boolean;
  units: Unit[];
  order: number;
  moduleVersion?: string;
}

export function mapTextbook(entry: TextbookEntry, context: TextbookContext): Textbook {
  const provenance: Provenance = { source: 'smartedu', sourceId: entry.id };
  if (context.moduleVersion) provenance.version = context.moduleVersion;
  const updatedAt = normalizeDateTime(entry.update_time);
  if (updatedAt) provenance.updatedAt = updatedAt;
  const textbook: Textbook = {
    id: toSmarteduId(entry.id),
    title: { zh: entry.title?.trim() || UNTITLED_ZH },
    ...context.facets,
    units: context.units,
    order: context.order,
    status: 'active',
    provenance,
  };
  if (context.isNewCurriculum !== undefined) textbook.isNewCurriculum = context.isNewCurriculum;
  const coverUrl = cleanUrl(entry.custom_properties?.thumbnails?.[0]);
  if (coverUrl) textbook.coverUrl = coverUrl;
  if (!context.facets.gradeId) delete textbook.gradeId;
  return textbook;
}

/**
 * Unit ids of a lesson: the first `chapter_paths` entry (else `chapter_ids`) cut to the part the textbook's
 * tree knows. `unknown` lists the chapter ids the tree lacks (reported).
 */
export function placeInTree(
  chapterPaths: readonly string[] | null | undefined,
  chapterIds: readonly string[] | null | undefined,
  index: ChapterIndex,
): { unitIds: string[]; leafPosition: number; unknown: string[] } {
  const candidates = (chapterPaths ?? []).map((path) => path.split('/').filter(Boolean));
  if (chapterIds?.length) candidates.push([...chapterIds]);
  const path =
    candidates.find((ids) => ids.length > 0 && ids.every((id) => index.positionOf.has(id))) ??
    candidates[0] ??
    [];
  const known = path.filter((id) => index.positionOf.has(id));
  const leaf = known.at(-1);
  return {
    unitIds: known.map((id) => toSmarteduId(id)),
    leafPosition: leaf === undefined ? Number.MAX_SAFE_INTEGER : (index.positionOf.get(leaf) as number),
    unknown: index.positionOf.size > 0 ? path.filter((id) => !index.positionOf.has(id)) : [],
  };
}
