import { HomeLayoutListSchema, HomeLayoutSchema } from '@ketang/contract';
import { taggedOperation, type OperationDocs } from './responses.ts';

const UNKNOWN_LAYOUT = { '404': 'The draft has no layout for this stage' };

const operation = taggedOperation('layouts');

const layouts = '/v1/operator/regions/{region}/draft/layouts';

/** A region's draft home layouts per carrier and stage (docs/console.md "Home layouts"). */
export const layoutOperations: OperationDocs = {
  [`GET ${layouts}`]: operation(
    "The scope's draft home layouts by stage, and the built-in layout homes follow without one",
    '200',
    HomeLayoutListSchema,
    {},
  ),
  [`GET ${layouts}/{stage}`]: operation(
    "One stage's draft home layout (`all`: every stage without its own)",
    '200',
    HomeLayoutSchema,
    UNKNOWN_LAYOUT,
  ),
  [`PUT ${layouts}/{stage}`]: operation(
    "Replace one stage's draft home layout (unknown stages and lessons are named, nothing is changed)",
    '200',
    HomeLayoutSchema,
    {},
  ),
  [`DELETE ${layouts}/{stage}`]: operation(
    "Remove one stage's draft home layout (its homes follow the layout for every stage, else the built-in one)",
    '204',
    undefined,
    UNKNOWN_LAYOUT,
  ),
};
