// The API's answers the web pages read: type-only, from the one contract (no zod in the bundle).
export type {
  Controls,
  FacetNodeOutput as FacetNode,
  Household,
  LessonSummary,
  Profile,
  SectionOutput as Section,
  WeekReport,
} from '@ketang/contract';
