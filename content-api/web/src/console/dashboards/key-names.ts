// What a bureau head reads for a cell's key: 数学 and 小学 · 一年级 rather than `math` and `g1`. Names come
// from the catalogue's facet tree (stages, grades, subjects) and the published carrier configurations; a key
// without a known name (a county code, a device model, a day) is shown as it is.
import { UNKNOWN_DIMENSION } from '@ketang/contract/dashboard-keys';
import type { FacetNode } from '../api/catalogue-reads.ts';
import { pickText } from '../../shared/i18n/i18n.ts';
import { dt } from './dashboards-i18n.ts';

type Text = FacetNode['name'];
export type CarrierName = { id: string; name: Text };
/** The name a table row and a chart's axis show for a cell's key under a grouping. */
export type KeyNamer = (groupBy: string, key: string) => string;

export function keyNamer(tree: readonly FacetNode[], carriers: readonly CarrierName[]): KeyNamer {
  const byKind = new Map<string, Map<string, Text>>();
  const visit = (nodes: readonly FacetNode[], stage: Text | undefined) => {
    for (const node of nodes) {
      const names = byKind.get(node.kind) ?? new Map<string, Text>();
      byKind.set(node.kind, names);
      // A grade's own name repeats across stages (一年级 in 小学 and in 小学（五•四学制）): the first stage wins,
      // as the console's grade pickers list them.
      if (!names.has(node.id)) names.set(node.id, node.name);
      if (node.kind === 'grade' && stage && !byKind.get('gradeStage')?.has(node.id))
        byKind.set('gradeStage', (byKind.get('gradeStage') ?? new Map()).set(node.id, stage));
      visit(node.children, node.kind === 'stage' ? node.name : stage);
    }
  };
  visit(tree, undefined);
  byKind.set('carrier', new Map(carriers.map((carrier) => [carrier.id, carrier.name])));

  return (groupBy, key) => {
    if (key === UNKNOWN_DIMENSION) return dt('key.unknown');
    const name = byKind.get(groupBy)?.get(key);
    if (!name) return key;
    const stage = groupBy === 'grade' ? byKind.get('gradeStage')?.get(key) : undefined;
    return stage ? dt('key.gradeOfStage', { stage: pickText(stage), grade: pickText(name) }) : pickText(name);
  };
}

/** Until the names load (or when they cannot), keys show as the API sends them. */
export const rawKeys: KeyNamer = (_groupBy, key) => (key === UNKNOWN_DIMENSION ? dt('key.unknown') : key);
