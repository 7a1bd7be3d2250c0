import type { Facet, FacetKind, FacetValues } from '../../../model/facets.ts';
import {
  DIMENSION_TO_FACET,
  FACET_NAMES_EN,
  FIVE_FOUR_MARKERS,
  NEW_CURRICULUM_TAG_NAME,
  NEW_OLD_DIMENSION,
} from '../vocabulary.ts';
import { toSmarteduId } from './ids.ts';
import type { SourceTag, SourceTagNode } from './source-schemas.ts';

export type ResolvedFacets =
  { ok: true; values: FacetValues; isNewCurriculum?: boolean } | { ok: false; reason: string };

function schoolSystemOf(stageName: string): Facet['schoolSystem'] {
  if (FIVE_FOUR_MARKERS.some((marker) => stageName.includes(marker))) return '5-4';
  return stageName.startsWith('高中') ? undefined : '6-3';
}

/**
 * The facets of the lesson tag tree, in textbook order (the order of first appearance in the tree), plus any
 * a textbook names that the tree lacks (appended). A grade belongs to its stage: upstream shares grade tags
 * between 六三 and 五•四 stages, so a grade's id joins the stage's tag and the grade's tag.
 */
export class FacetRegistry {
  private readonly facets = new Map<string, Facet>();
  private readonly nextOrder: Record<FacetKind, number> = {
    stage: 0,
    grade: 0,
    subject: 0,
    edition: 0,
    volume: 0,
  };

  addTagTree(roots: readonly SourceTagNode[]): void {
    const visit = (node: SourceTagNode, stage: SourceTagNode | undefined) => {
      const currentStage = node.tag_dimension_id === 'zxxxd' ? node : stage;
      this.register(node.tag_dimension_id, node.tag_id, node.tag_name, currentStage);
      for (const hierarchy of node.hierarchies ?? []) {
        for (const child of hierarchy.children ?? []) visit(child, currentStage);
      }
    };
    for (const root of roots) visit(root, undefined);
  }

  /** The facet values of a textbook from its `tag_list`. */
  resolve(tags: readonly SourceTag[]): ResolvedFacets {
    const byDimension = new Map(tags.map((tag) => [tag.tag_dimension_id, tag]));
    const stage = byDimension.get('zxxxd');
    const missing = ['zxxxd', 'zxxxk', 'zxxbb', 'zxxcc'].filter(
      (dimension) => !byDimension.get(dimension)?.tag_id,
    );
    if (!stage?.tag_id || missing.length > 0) {
      return { ok: false, reason: `tag_list lacks the dimension(s) ${missing.join(', ')}` };
    }
    const stageNode = { tag_id: stage.tag_id, tag_name: stage.tag_name, tag_dimension_id: 'zxxxd' };
    const idOf = (dimension: string) => {
      const tag = byDimension.get(dimension);
      return tag?.tag_id ? this.register(dimension, tag.tag_id, tag.tag_name, stageNode)?.id : undefined;
    };
    const newOld = byDimension.get(NEW_OLD_DIMENSION);
    return {
      ok: true,
      values: {
        stageId: idOf('zxxxd') as string,
        gradeId: idOf('zxxnj'),
        subjectId: idOf('zxxxk') as string,
        editionId: idOf('zxxbb') as string,
        volumeId: idOf('zxxcc') as string,
      },
      isNewCurriculum: newOld ? newOld.tag_name === NEW_CURRICULUM_TAG_NAME : undefined,
    };
  }

  all(): Facet[] {
    return [...this.facets.values()];
  }

  get(id: string): Facet | undefined {
    return this.facets.get(id);
  }

  private register(
    dimension: string,
    tagId: string,
    tagName: string,
    stage?: SourceTagNode,
  ): Facet | undefined {
    const kind = DIMENSION_TO_FACET[dimension];
    if (!kind) return undefined;
    const isGrade = kind === 'grade' && stage !== undefined;
    const id = isGrade ? toSmarteduId(stage.tag_id, tagId) : toSmarteduId(tagId);
    const known = this.facets.get(id);
    if (known) return known;
    const en = FACET_NAMES_EN[tagName];
    const facet: Facet = {
      id,
      kind,
      name: en ? { zh: tagName, en } : { zh: tagName },
      order: this.nextOrder[kind]++,
      ...(isGrade ? { stageId: toSmarteduId(stage.tag_id) } : {}),
    };
    const schoolSystem =
      kind === 'stage' ? schoolSystemOf(tagName) : isGrade ? schoolSystemOf(stage.tag_name) : undefined;
    if (schoolSystem) facet.schoolSystem = schoolSystem;
    this.facets.set(id, facet);
    return facet;
  }
}
