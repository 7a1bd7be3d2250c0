import { CountyDashboardSchema, LearningDashboardSchema, QoeDashboardSchema } from '@ketang/contract';
import { z } from 'zod';
import type { OperationDoc, OperationDocs } from './responses.ts';

const K_NOTE =
  'Every cell behind fewer than k = 10 distinct households is suppressed (figures null, `suppressed: true`), ' +
  'and enough further cells that the total minus the shown cells covers at least k households ' +
  '(docs/dashboards.md). Read from daily rollups; any operator role may read.';

function dashboard(summary: string, schema: z.ZodType): OperationDoc {
  return {
    summary,
    description: K_NOTE,
    tags: ['dashboards'],
    ok: {
      '200': {
        description: `${summary}; \`?format=csv\` gives the same cells as CSV (suppressed cells blank, marked)`,
        content: {
          'application/json': { schema },
          'text/csv': { schema: z.string() },
        },
      },
    },
  };
}

/** The operators' dashboards (docs/dashboards.md): aggregates of daily rollups only. */
export const dashboardOperations: OperationDocs = {
  'GET /v1/operator/dashboards/qoe': dashboard(
    'Quality of experience (time to first frame, stalls, bitrate, errors) grouped by one dimension',
    QoeDashboardSchema,
  ),
  'GET /v1/operator/dashboards/learning': dashboard(
    'Learning (lessons started, completed, minutes) grouped by one dimension',
    LearningDashboardSchema,
  ),
  'GET /v1/operator/dashboards/county': dashboard(
    "A county's learning at a glance: by day, by subject, by grade",
    CountyDashboardSchema,
  ),
};
