// The facet tree → the browse columns: stage → grade → subject → edition → volume, one level at a time.
import { pickText, t } from '../../i18n/i18n.ts';
import type { FacetKind, FacetNode } from '../types.ts';

export type FacetChoice = { id: string; label: string; count: number; kind: FacetKind };
export type FacetLevel = { kind: FacetKind; heading: string; choices: FacetChoice[] };

/** Walks the tree along the chosen ids; stops where a choice is missing (the catalogue changed). */
export function facetLevels(tree: FacetNode[], chosenIds: string[]): FacetLevel[] {
  const levels: FacetLevel[] = [];
  let nodes = tree;
  for (let depth = 0; nodes.length > 0; depth++) {
    const kind = nodes[0]!.kind;
    levels.push({
      kind,
      heading: t(`browse.${kind}`),
      choices: nodes.map((node) => ({
        id: node.id,
        label: pickText(node.name),
        count: node.count,
        kind: node.kind,
      })),
    });
    const chosen = nodes.find((node) => node.id === chosenIds[depth]);
    if (!chosen) break;
    nodes = chosen.children;
  }
  return levels;
}

/** The volume node at the end of a full path, or undefined. */
export function chosenVolume(tree: FacetNode[], chosenIds: string[]): FacetNode | undefined {
  let nodes = tree;
  let found: FacetNode | undefined;
  for (const id of chosenIds) {
    found = nodes.find((node) => node.id === id);
    if (!found) return undefined;
    nodes = found.children;
  }
  return found?.kind === 'volume' ? found : undefined;
}

/** Keeps the remembered path only as far as it still exists, so a stale choice never hides the tree. */
export function validPath(tree: FacetNode[], chosenIds: string[]): string[] {
  const path: string[] = [];
  let nodes = tree;
  for (const id of chosenIds) {
    const found = nodes.find((node) => node.id === id);
    if (!found) break;
    path.push(id);
    nodes = found.children;
  }
  return path;
}

export type GradeChoice = { id: string; label: string };

/** The grades of the facet tree, stage by stage (a stage without grade facets offers none). */
export function gradeChoices(tree: FacetNode[]): GradeChoice[][] {
  return tree
    .filter((stage) => stage.kind === 'stage')
    .map((stage) =>
      stage.children
        .filter((node) => node.kind === 'grade')
        .map((grade) => ({ id: grade.id, label: pickText(grade.name) })),
    )
    .filter((grades) => grades.length > 0);
}
