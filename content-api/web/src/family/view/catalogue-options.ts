// From the catalogue (facets, sections) to what the phone page names and offers: subject names for the
// chart's legend, and the subjects and sections a parent may put on a child's allow-list.
import type { FacetNode, Section } from '../../shared/api/family-types.ts';
import type { LocalizedText } from '../../shared/i18n/i18n.ts';

export type Option = { id: string; label: string };
export type AllowListOptions = { subjects: Option[]; sections: Option[] };

function collect(nodes: readonly FacetNode[], kind: FacetNode['kind'], into: FacetNode[] = []): FacetNode[] {
  for (const node of nodes) {
    if (node.kind === kind) into.push(node);
    else collect(node.children, kind, into);
  }
  return into;
}

/** Every subject's name, by id (a subject appears under many grades with one name). */
export function subjectNames(tree: readonly FacetNode[]): Map<string, LocalizedText> {
  return new Map(collect(tree, 'subject').map((node) => [node.id, node.name]));
}

/** The subjects of the child's grade (all subjects when the profile has none), then every section. */
export function allowListOptions(
  tree: readonly FacetNode[],
  sections: readonly Section[],
  gradeId: string | undefined,
  pickText: (text: LocalizedText) => string,
): AllowListOptions {
  const grade = gradeId ? collect(tree, 'grade').find((node) => node.id === gradeId) : undefined;
  const subjects = new Map<string, Option>();
  for (const node of collect(grade ? [grade] : tree, 'subject')) {
    if (!subjects.has(node.id)) subjects.set(node.id, { id: node.id, label: pickText(node.name) });
  }
  return {
    subjects: [...subjects.values()],
    sections: sections.map((section) => ({ id: section.id, label: pickText(section.title) })),
  };
}
