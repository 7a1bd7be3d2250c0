import type { Facet } from '@ketang/catalog';
import { railTitle } from '../messages/messages.ts';
import type { Rail } from '@ketang/contract';
import type { LessonQuery } from '../stores/lesson.store.ts';
import { toSectionOutput } from './browse.service.ts';
import type { CatalogueView, CatalogueViews, FacetNode } from './catalogue-view.ts';
import type { ChannelService } from './channel.service.ts';
import type { DeviceScope } from './releases/scope.ts';
import { toLessonSummary } from './mappers.ts';

const RAIL_LENGTH = 20;
const MAX_SUBJECT_RAILS = 12;

/**
 * The first screen a TV shows: for a grade, its lessons (playable first) and a rail per subject; for a stage,
 * its featured rail and a rail per subject; otherwise a featured rail per stage; then sections and the
 * channels on air now.
 */
export class HomeService {
  constructor(
    private readonly views: CatalogueViews,
    private readonly channels: ChannelService,
  ) {}

  async home(
    query: { stage?: string; grade?: string; region?: string },
    scope: DeviceScope = { region: query.region },
  ): Promise<{ rails: Rail[] }> {
    const view = await this.views.current(query.region);
    return { rails: [...this.catalogueRails(view, query), ...(await this.channelsRail(scope))] };
  }

  /**
   * The rails that depend only on the catalogue view (one per revision and region): lessons, then sections.
   * A child's home keeps them per view and grade; only the channels rail changes with the time of day.
   */
  catalogueRails(view: CatalogueView, query: { stage?: string; grade?: string }): Rail[] {
    const rails = this.lessonRails(view, query);
    const sections = [...view.sections.values()].sort((a, b) => a.order - b.order);
    if (sections.length > 0) {
      rails.push({
        id: 'sections',
        kind: 'sections',
        title: railTitle('sections'),
        items: sections.map((section) => toSectionOutput(section, view)),
      });
    }
    return rails;
  }

  /** The channels on air now, as a rail (none when nothing is on air). */
  async channelsRail(scope: DeviceScope): Promise<Rail[]> {
    const channels = (await this.channels.list(scope)).items.filter((channel) => channel.now);
    return channels.length > 0
      ? [{ id: 'channels', kind: 'channels', title: railTitle('channels'), items: channels }]
      : [];
  }

  private lessonRails(view: CatalogueView, query: { stage?: string; grade?: string }): Rail[] {
    const grade = query.grade ? view.facets.get(query.grade) : undefined;
    if (grade) return this.gradeRails(view, grade);
    const stage = query.stage ? view.tree.find((node) => node.id === query.stage) : undefined;
    if (stage) return [this.featuredRail(view, stage), ...this.stageSubjectRails(view, stage)];
    return view.tree.map((node) => this.featuredRail(view, node));
  }

  /**
   * A stage's featured rail takes its subjects in turn (playable lessons first), so it opens with the
   * breadth of the stage instead of the first subject's first textbook (textbook order alone gave every
   * stage a rail of one subject's lessons).
   */
  private featuredRail(view: CatalogueView, stage: FacetNode): Rail {
    const subjects = subjectIdsUnder(stage);
    const take = (playable: boolean) =>
      interleave(
        subjects.map((subjectId) =>
          view.lessons.page({ stageId: stage.id, subjectId, playable }, { limit: RAIL_LENGTH }),
        ),
      );
    const lessons = [...take(true), ...take(false)].slice(0, RAIL_LENGTH);
    return {
      id: `stage-${stage.id}`,
      kind: 'lessons',
      title: railTitle('stageLessons', { stage: stage.name }),
      items: lessons.map((lesson) => toLessonSummary(lesson, view)),
    };
  }

  /** With a stage asked for, a rail per subject of the stage after its featured rail. */
  private stageSubjectRails(view: CatalogueView, stage: FacetNode): Rail[] {
    return subjectIdsUnder(stage)
      .slice(0, MAX_SUBJECT_RAILS)
      .map((subjectId) => ({
        id: `stage-${stage.id}-subject-${subjectId}`,
        kind: 'lessons' as const,
        title: railTitle('subjectLessons', {
          subject: view.facets.get(subjectId)?.name ?? { zh: subjectId },
        }),
        items: this.lessonsFor(view, { stageId: stage.id, subjectId }),
      }))
      .filter((rail) => rail.items.length > 0);
  }

  private gradeRails(view: CatalogueView, grade: Facet): Rail[] {
    const gradeNode = findNode(view.tree, grade.id);
    const subjects = (gradeNode?.children ?? []).slice(0, MAX_SUBJECT_RAILS);
    const subjectRails = subjects.map((subject) => ({
      id: `subject-${subject.id}`,
      kind: 'lessons' as const,
      title: railTitle('subjectLessons', { subject: subject.name }),
      items: this.lessonsFor(view, { gradeId: grade.id, subjectId: subject.id }),
    }));
    const today = {
      id: `grade-${grade.id}`,
      kind: 'lessons' as const,
      title: railTitle('gradeLessons', { grade: grade.name }),
      items: this.lessonsFor(view, { gradeId: grade.id }),
    };
    return [today, ...subjectRails].filter((rail) => rail.items.length > 0);
  }

  /** Playable lessons first, then the rest, in textbook order. */
  private lessonsFor(view: CatalogueView, query: LessonQuery) {
    const playable = view.lessons.page({ ...query, playable: true }, { limit: RAIL_LENGTH });
    const rest =
      playable.length < RAIL_LENGTH
        ? view.lessons.page({ ...query, playable: false }, { limit: RAIL_LENGTH - playable.length })
        : [];
    return [...playable, ...rest].map((lesson) => toLessonSummary(lesson, view));
  }
}

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

function findNode(nodes: readonly FacetNode[], id: string): FacetNode | undefined {
  for (const node of nodes) {
    if (node.id === id) return node;
    const found = findNode(node.children, id);
    if (found) return found;
  }
  return undefined;
}
