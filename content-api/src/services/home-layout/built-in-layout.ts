import type { HomeLayout, LayoutRail } from '@ketang/contract';

/**
 * The layout every home follows until operators publish one: the home as it was before layouts (a child's
 * today's lessons; the grade's lessons and a rail per subject, or a stage's featured rail and its subjects, or a
 * featured rail per stage; sections; channels on air). `gradeLessons` and `stageFeatured` never both fill.
 */
export const BUILT_IN_RAILS: readonly LayoutRail[] = [
  { kind: 'rule', rule: 'today' },
  { kind: 'rule', rule: 'gradeLessons' },
  { kind: 'rule', rule: 'stageFeatured' },
  { kind: 'rule', rule: 'subjectLessons' },
  { kind: 'rule', rule: 'sections' },
  { kind: 'rule', rule: 'onAir' },
];

export const BUILT_IN_STAGE = 'built-in';

/**
 * The layout a home of `stageId` follows in a release's (or draft's) layouts: the stage's own, else the one for
 * every stage, else the built-in one.
 */
export function chooseLayout(layouts: readonly HomeLayout[], stageId: string | undefined): HomeLayout {
  return (
    (stageId ? layouts.find((layout) => layout.stage === stageId) : undefined) ??
    layouts.find((layout) => layout.stage === 'all') ?? { stage: BUILT_IN_STAGE, rails: [...BUILT_IN_RAILS] }
  );
}
