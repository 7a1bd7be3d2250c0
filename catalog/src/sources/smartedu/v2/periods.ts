import type { Period } from '../../../model/lesson.ts';
import { PERIOD_DIMENSION, periodTitleZh } from '../vocabulary.ts';
import { toSmarteduId } from './ids.ts';
import type { LessonRecord, SubResource } from './source-schemas.ts';

/** A sub-resource with the relation it came from and the period it belongs to (undefined: the whole lesson). */
export interface PlacedSubResource {
  resource: SubResource;
  relationKey: string;
  index: number;
  periodId?: string;
}

export interface LessonPeriods {
  periods: Period[];
  resources: PlacedSubResource[];
}

/** Every sub-resource of every relation (`national_course_resource`, an elite lesson's `course_resource`…). */
export function collectSubResources(record: LessonRecord): PlacedSubResource[] {
  const placed: PlacedSubResource[] = [];
  for (const [relationKey, resources] of Object.entries(record.relations ?? {})) {
    (resources ?? []).forEach((resource, index) => placed.push({ resource, relationKey, index }));
  }
  return placed;
}

/** `$.relations.national_course_resource[0,1,2]` → the relation key and indices. */
export function parseResourceRef(ref: string): { relationKey: string; indices: number[] } | undefined {
  const match = /^\$\.relations\.([^[]+)\[([\d,\s]+)\]$/.exec(ref.trim());
  if (!match) return undefined;
  return {
    relationKey: match[1] as string,
    indices: (match[2] as string).split(',').map((n) => Number(n.trim())),
  };
}

/**
 * Class periods (课时), from the first source that has them:
 * 1. `resource_structure.relations` (each names its sub-resources by `res_ref`);
 * 2. `bkks` tags on sub-resources (第一课时…); an untagged sub-resource joins the period of the tagged one
 *    before it (else after it), as coursewares and lesson plans sit between a period's video and its tasks;
 * 3. otherwise one period, the whole lesson.
 */
export function assignPeriods(record: LessonRecord, lessonTitle: string): LessonPeriods {
  const resources = collectSubResources(record);
  const fromStructure = periodsFromStructure(record, resources);
  if (fromStructure) return { periods: fromStructure, resources };
  const fromTags = periodsFromTags(record.id, resources);
  if (fromTags) return { periods: fromTags, resources };
  const single: Period = { id: toSmarteduId(record.id, 'p1'), title: { zh: lessonTitle }, order: 0 };
  for (const placed of resources) placed.periodId = single.id;
  return { periods: [single], resources };
}

function periodsFromStructure(record: LessonRecord, resources: PlacedSubResource[]): Period[] | undefined {
  const relations = record.resource_structure?.relations ?? [];
  if (relations.length === 0) return undefined;
  return relations.map((relation, order) => {
    const id = toSmarteduId(record.id, relation.id);
    for (const ref of relation.res_ref ?? []) {
      const parsed = parseResourceRef(ref);
      if (!parsed) continue;
      for (const placed of resources) {
        if (placed.relationKey === parsed.relationKey && parsed.indices.includes(placed.index))
          placed.periodId = id;
      }
    }
    return { id, title: { zh: relation.title?.trim() || periodTitleZh(order + 1) }, order };
  });
}

function periodsFromTags(lessonId: string, resources: PlacedSubResource[]): Period[] | undefined {
  const tagOf = (placed: PlacedSubResource) =>
    placed.resource.tag_list?.find((tag) => tag.tag_dimension_id === PERIOD_DIMENSION);
  const names: { name: string; rank: number }[] = [];
  for (const placed of resources) {
    const tag = tagOf(placed);
    if (tag && !names.some((known) => known.name === tag.tag_name)) {
      names.push({ name: tag.tag_name, rank: tag.order_num ?? names.length });
    }
  }
  if (names.length === 0) return undefined;
  names.sort((a, b) => a.rank - b.rank);
  const periods = names.map((known, order): Period => ({
    id: toSmarteduId(lessonId, `p${order + 1}`),
    title: { zh: known.name },
    order,
  }));
  const idOfName = new Map(names.map((known, order) => [known.name, periods[order]?.id]));
  let previous: string | undefined;
  for (const placed of resources) {
    const tag = tagOf(placed);
    placed.periodId = tag ? idOfName.get(tag.tag_name) : previous;
    previous = placed.periodId ?? previous;
  }
  const firstTagged = resources.find((placed) => placed.periodId)?.periodId;
  for (const placed of resources) placed.periodId ??= firstTagged;
  return periods;
}
