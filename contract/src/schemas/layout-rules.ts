// The rule rails of a home layout, zod-free: the API's schema and the console's editor both read this list
// (exported also as `@ketang/contract/layout-rules`).

/** The rules a rail can follow; what each shows is in docs/console.md "Home layouts". */
export const LAYOUT_RULES = [
  /** A child's today's lessons (a child's home only; the TV shows them first). */
  'today',
  /** A child's lessons begun and not finished, most recent first (a child's home only). */
  'continue',
  /** The channels on air now. */
  'onAir',
  /** The catalogue's sections. */
  'sections',
  /** The grade's lessons, playable first (a home with a grade). */
  'gradeLessons',
  /** One rail per subject of the grade (or of the stage, on a stage's home). */
  'subjectLessons',
  /** A stage's featured lessons, its subjects in turn (a home without a grade; one per stage without a stage). */
  'stageFeatured',
] as const;
export type LayoutRule = (typeof LAYOUT_RULES)[number];
