// The API's answers the web pages read: type-only, from the schemas the content API validates with (the one
// contract; no zod in the bundle). When the family schemas move to the contract workspace, import from there.
export type {
  Controls,
  FacetNode,
  Household,
  LessonSummary,
  Profile,
  Section,
  WeekReport,
} from '@ketang/content-api';
