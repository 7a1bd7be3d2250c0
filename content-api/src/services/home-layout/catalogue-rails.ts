import type { Facet, LocalizedText } from '@ketang/catalog';
import type { Rail } from '@ketang/contract';
import { railTitle } from '../../messages/messages.ts';
import type { LessonQuery } from '../../stores/lesson.store.ts';
import { toSectionOutput } from '../browse.service.ts';
import type { CatalogueView, FacetNode } from '../catalogue-view.ts';
import { toLessonSummary } from '../mappers.ts';

/** A rule rail's length when its layout gives no limit. */
export const RAIL_LENGTH = 20;
/** Subject rails when the layout gives no maxRails. */
export const MAX_SUBJECT_RAILS = 12;

/** What a catalogue rule rail is built for: the home's grade or stage, and the layout's limits. */
export type RailQuery = {
  grade?: Facet;
  stage?: FacetNode;
  limit?: number;
  maxRails?: number;
  title?: LocalizedText;
};

/**
 * The rules whose rails depend only on the catalogue view (one per revision and region) and the home's grade
 * or stage: built once per view, layout and grade, and shared by every home of them.
 */
export const CATALOGUE_RULES = {
  gradeLessons: gradeLessonsRail,
  subjectLessons: subjectRails,
  stageFeatured: stageFeaturedRails,
  sections: sectionsRail,
} as const;
export type CatalogueRule = keyof typeof CATALOGUE_RULES;

/** The grade's lessons, playable first (a home without a grade has none). */
function gradeLessonsRail(view: CatalogueView, query: RailQuery): Rail[] {
  const grade = query.grade;
  if (!grade) return [];
  const rail: Rail = {
    id: `grade-${grade.id}`,
    kind: 'lessons',
    title: query.title ?? railTitle('gradeLessons', { grade: grade.name }),
    items: lessonsFor(view, { gradeId: grade.id }, query.limit),
  };
  return nonEmpty([rail]);
}

/** One rail per subject of the grade, else of the stage; none on a home with neither. */
function subjectRails(view: CatalogueView, query: RailQuery): Rail[] {
  const maxRails = query.maxRails ?? MAX_SUBJECT_RAILS;
  const subject = (id: string, name: LocalizedText | undefined) =>
    railTitle('subjectLessons', { subject: name ?? { zh: id } });
  if (query.grade) {
    const gradeId = query.grade.id;
    const subjects = (findNode(view.tree, gradeId)?.children ?? []).slice(0, maxRails);
    return nonEmpty(
      subjects.map((node) => ({
        id: `subject-${node.id}`,
        kind: 'lessons' as const,
        title: subject(node.id, node.name),
        items: lessonsFor(view, { gradeId, subjectId: node.id }, query.limit),
      })),
    );
  }
  const stage = query.stage;
  if (!stage) return [];
  return nonEmpty(
    subjectIdsUnder(stage)
      .slice(0, maxRails)
      .map((subjectId) => ({
        id: `stage-${stage.id}-subject-${subjectId}`,
        kind: 'lessons' as const,
        title: subject(subjectId, view.facets.get(subjectId)?.name),
        items: lessonsFor(view, { stageId: stage.id, subjectId }, query.limit),
      })),
  );
}

/**
 * A home without a grade opens with its stage's featured rail (one per stage when it has no stage either); a
 * grade's home has the grade's own lessons instead. A featured rail takes the stage's subjects in turn
 * (playable lessons first), so it opens with the breadth of the stage, not one subject's first textbook.
 */
function stageFeaturedRails(view: CatalogueView, query: RailQuery): Rail[] {
  if (query.grade) return [];
  const stages = query.stage ? [query.stage] : view.tree;
  return stages.map((stage) => featuredRail(view, stage, query));
}

function featuredRail(view: CatalogueView, stage: FacetNode, query: RailQuery): Rail {
  const length = query.limit ?? RAIL_LENGTH;
  const subjects = subjectIdsUnder(stage);
  const take = (playable: boolean) =>
    interleave(
      subjects.map((subjectId) =>
        view.lessons.page({ stageId: stage.id, subjectId, playable }, { limit: length }),
      ),
    );
  const lessons = [...take(true), ...take(false)].slice(0, length);
  return {
    id: `stage-${stage.id}`,
    kind: 'lessons',
    title: query.title ?? railTitle('stageLessons', { stage: stage.name }),
    items: lessons.map((lesson) => toLessonSummary(lesson, view)),
  };
}

function sectionsRail(view: CatalogueView, query: RailQuery): Rail[] {
  const sections = [...view.sections.values()].sort((a, b) => a.order - b.order);
  const items = sections.slice(0, query.limit ?? sections.length);
  if (items.length === 0) return [];
  return [
    {
      id: 'sections',
      kind: 'sections',
      title: query.title ?? railTitle('sections'),
      items: items.map((section) => toSectionOutput(section, view)),
    },
  ];
}

/** Playable lessons first, then the rest, in textbook order. */
function lessonsFor(view: CatalogueView, query: LessonQuery, limit = RAIL_LENGTH) {
  const playable = view.lessons.page({ ...query, playable: true }, { limit });
  const rest =
    playable.length < limit
      ? view.lessons.page({ ...query, playable: false }, { limit: limit - playable.length })
      : [];
  return [...playable, ...rest].map((lesson) => toLessonSummary(lesson, view));
}

const nonEmpty = (rails: Rail[]) => rails.filter((rail) => rail.items.length > 0);

/** The subjects under a stage (through its grades, if any), in catalogue order, each once. */
function subjectIdsUnder(stage: FacetNode): string[] {
  const ids = new Set<string>();
  const visit = (node: FacetNode) => {
    if (node.kind === 'subject') ids.add(node.id);
    else node.children.forEach(visit);
  };
  stage.children.forEach(visit);
  return [...ids];
}

/** The first of each list, then the second of each, and so on. */
function interleave<T>(lists: readonly (readonly T[])[]): T[] {
  const longest = Math.max(0, ...lists.map((list) => list.length));
  return Array.from({ length: longest }, (_, index) =>
    lists.flatMap((list) => list.slice(index, index + 1)),
  ).flat();
}

export function findNode(nodes: readonly FacetNode[], id: string): FacetNode | undefined {
  for (const node of nodes) {
    if (node.id === id) return node;
    const found = findNode(node.children, id);
    if (found) return found;
  }
  return undefined;
}
