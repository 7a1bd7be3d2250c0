// The subjects (from the facet tree) and sections (from the home's section rails) a parent can allow.
import type { FacetNode, Rail } from '../api/types.ts';
import type { LocalizedText } from '@ketang/catalog';

export type AllowChoice = { kind: 'subjectIds' | 'sectionIds'; id: string; title: LocalizedText };

function collectSubjects(nodes: FacetNode[], into: Map<string, AllowChoice>): void {
  for (const node of nodes) {
    if (node.kind === 'subject' && !into.has(node.id)) {
      into.set(node.id, { kind: 'subjectIds', id: node.id, title: node.name });
    }
    collectSubjects(node.children, into);
  }
}

/** Subjects once each, in catalogue order, then the sections of the home's section rails. */
export function allowChoices(facets: FacetNode[], rails: Rail[]): AllowChoice[] {
  const subjects = new Map<string, AllowChoice>();
  collectSubjects(facets, subjects);
  const sections = new Map<string, AllowChoice>();
  for (const rail of rails) {
    if (rail.kind !== 'sections') continue;
    for (const item of rail.items) {
      if (!sections.has(item.id))
        sections.set(item.id, { kind: 'sectionIds', id: item.id, title: item.title });
    }
  }
  return [...subjects.values(), ...sections.values()];
}
