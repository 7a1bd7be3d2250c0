import type { Facet, LocalizedText } from '@ketang/catalog';
import type { HomeLayout, Rail } from '@ketang/contract';
import type { CatalogueView } from '../catalogue-view.ts';
import { toLessonSummary } from '../mappers.ts';
import type { ChannelSet } from '../releases/channel-set.ts';
import { CATALOGUE_RULES, type CatalogueRule } from './catalogue-rails.ts';
import { chooseLayout } from './built-in-layout.ts';

/** What a home is for: a device's stage or grade, or a child's grade. */
export type HomeFor = { stage?: string; grade?: string };

/** A rail that changes with the time or the child: filled per request, in the layout's place. */
export type LiveRail = {
  rule: 'onAir' | 'continue';
  title?: LocalizedText;
  limit?: number;
};

/**
 * A home composed from its layout, before the live rails: catalogue rails (the same for every home of a view,
 * layout and grade, so they can be kept) in order with the places of the live ones, and whether and how many
 * of a child's today's lessons come first.
 */
export type HomePlan = {
  parts: ({ rail: Rail } | { live: LiveRail })[];
  today?: { limit?: number };
};

/**
 * The one composer of homes (`/v1/home` and a child's home): the layout the device's release decides for the
 * home's stage, its rails in order — curated lists of lessons (those the catalogue still has), catalogue rules
 * built from the view, and places for the live rails.
 */
export class HomeComposer {
  /** The layout and its cache key (the release or draft it comes from, and the stage it is for). */
  layoutOf(set: ChannelSet, view: CatalogueView, home: HomeFor): { layout: HomeLayout; key: string } {
    const layout = chooseLayout(set.layouts(), stageIdOf(view, home));
    return { layout, key: `${set.key}|${layout.stage}` };
  }

  plan(view: CatalogueView, layout: HomeLayout, home: HomeFor): HomePlan {
    const grade = home.grade ? view.facets.get(home.grade) : undefined;
    const stage = !grade && home.stage ? view.tree.find((node) => node.id === home.stage) : undefined;
    const plan: HomePlan = { parts: [] };
    layout.rails.forEach((rail, index) => {
      if (rail.kind === 'curated') {
        plan.parts.push(
          ...curatedRail(view, index, rail.title, rail.lessonIds).map((built) => ({ rail: built })),
        );
      } else if (rail.rule === 'today') {
        plan.today = { limit: rail.limit };
      } else if (rail.rule === 'onAir' || rail.rule === 'continue') {
        plan.parts.push({ live: { rule: rail.rule, title: rail.title, limit: rail.limit } });
      } else {
        const query = { grade, stage, limit: rail.limit, maxRails: rail.maxRails, title: rail.title };
        const build = CATALOGUE_RULES[rail.rule satisfies CatalogueRule];
        plan.parts.push(...build(view, query).map((built) => ({ rail: built })));
      }
    });
    return plan;
  }
}

/** The stage whose layout a home follows: its grade's stage, else the stage asked for. */
function stageIdOf(view: CatalogueView, home: HomeFor): string | undefined {
  const grade: Facet | undefined = home.grade ? view.facets.get(home.grade) : undefined;
  return grade?.stageId ?? home.stage;
}

/** A curated rail: its lessons the region's catalogue still has, in the operators' order. */
function curatedRail(view: CatalogueView, index: number, title: LocalizedText, lessonIds: readonly string[]) {
  const items = lessonIds.flatMap((id) => {
    const lesson = view.lessons.get(id);
    return lesson ? [toLessonSummary(lesson, view)] : [];
  });
  return items.length > 0 ? [{ id: `curated-${index}`, kind: 'lessons' as const, title, items }] : [];
}
