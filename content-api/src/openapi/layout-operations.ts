import { HomeLayoutListSchema, HomeLayoutSchema, rolesWith, type Ability } from '@ketang/contract';
import type { z } from 'zod';
import { answer, type OperationDoc, type OperationDocs } from './responses.ts';

const role = (ability: Ability) => ({ '403': `Needs the role ${rolesWith(ability).join(' or ')}` });
const READERS = role('readSchedule');
const EDITORS = role('editLayouts');
const UNKNOWN_LAYOUT = { '404': 'The draft has no layout for this stage' };

function operation(
  summary: string,
  status: string,
  schema: z.ZodType | undefined,
  errors: Record<string, string>,
): OperationDoc {
  return { summary, tags: ['layouts'], ok: answer(status, summary, schema), errors };
}

const layouts = '/v1/operator/regions/{region}/draft/layouts';

/** A region's draft home layouts per carrier and stage (docs/console.md "Home layouts"). */
export const layoutOperations: OperationDocs = {
  [`GET ${layouts}`]: operation(
    "The scope's draft home layouts by stage, and the built-in layout homes follow without one",
    '200',
    HomeLayoutListSchema,
    READERS,
  ),
  [`GET ${layouts}/{stage}`]: operation(
    "One stage's draft home layout (`all`: every stage without its own)",
    '200',
    HomeLayoutSchema,
    { ...READERS, ...UNKNOWN_LAYOUT },
  ),
  [`PUT ${layouts}/{stage}`]: operation(
    "Replace one stage's draft home layout (unknown stages and lessons are named, nothing is changed)",
    '200',
    HomeLayoutSchema,
    EDITORS,
  ),
  [`DELETE ${layouts}/{stage}`]: operation(
    "Remove one stage's draft home layout (its homes follow the layout for every stage, else the built-in one)",
    '204',
    undefined,
    { ...EDITORS, ...UNKNOWN_LAYOUT },
  ),
};
