import {
  AuditListSchema,
  CURATION_KINDS,
  CurationRuleSchema,
  ImageHostsSchema,
  LicensedSourceSchema,
  LocalLessonSchema,
  OperatorListSchema,
  OperatorSchema,
  RegionSettingsAnswerSchema,
  RegionSettingsRecordSchema,
  RegionStateSchema,
  SessionSchema,
  SyncJobSchema,
} from '@ketang/contract';
import type { z } from 'zod';
import { answer, type OperationDoc, type OperationDocs } from './responses.ts';
import { assetOperations } from './device-operations.ts';

function operator(
  summary: string,
  status: string,
  schema: z.ZodType,
  errors: Record<string, string> = {},
): OperationDoc {
  return { summary, tags: ['operator'], ok: answer(status, summary, schema), errors };
}

const regionSettingsWrite = operator(
  "Change a region's settings (approval, providers, usual editions, school calendar)",
  '200',
  RegionSettingsRecordSchema,
  { '404': 'usualEditions names ids the catalogue does not have' },
);

const CURATED = { textbooks: 'textbook', units: 'unit', lessons: 'lesson' } as const;

/** `PUT /v1/operator/regions/{region}/<kind>/{id}`, one operation per kind. */
function curationOperations(): OperationDocs {
  return Object.fromEntries(
    CURATION_KINDS.map((kind) => [
      `PUT /v1/operator/regions/{region}/${kind}/{id}`,
      operator(`Hide, approve, rename or reorder a ${CURATED[kind]} in a region`, '200', CurationRuleSchema, {
        '404': `No such ${CURATED[kind]}`,
      }),
    ]),
  );
}

/** The operator API (docs/operator-api.md): a session from POST /v1/operator/sessions or the service token. */
export const operatorOperations: OperationDocs = {
  'POST /v1/operator/sessions': operator(
    'Log in: a session token for the operator API',
    '201',
    SessionSchema,
    {
      '401': 'Wrong username or password',
      '429': 'account_locked: too many wrong passwords for this username; see Retry-After',
      '503': 'busy: too many password hashes waiting; see Retry-After',
    },
  ),
  'GET /v1/operator/operators': operator(
    'Every operator account, by username, with lockedUntil while locked; never a password hash (admin)',
    '200',
    OperatorListSchema,
  ),
  'POST /v1/operator/operators': operator('Create an operator (admin)', '201', OperatorSchema, {
    '409': 'The username is taken',
    '503': 'busy: too many password hashes waiting; see Retry-After',
  }),
  'GET /v1/operator/audit': operator('The audit log, newest first (admin)', '200', AuditListSchema),
  'GET /v1/operator/image-hosts': operator(
    'Hosts the image endpoint may fetch pictures from',
    '200',
    ImageHostsSchema,
  ),
  'PUT /v1/operator/image-hosts': operator(
    'Replace the hosts the image endpoint may fetch from (admin)',
    '200',
    ImageHostsSchema,
  ),
  'POST /v1/operator/sync': operator(
    "Start a sync of the national platform's catalogue from a mirror path or URL (admin or service)",
    '202',
    SyncJobSchema,
    { '409': 'A sync job is still running' },
  ),
  'GET /v1/operator/sync/{id}': operator("A sync job's status, progress and report", '200', SyncJobSchema, {
    '404': 'No such sync job (jobs are kept in memory, the last 20)',
  }),
  'GET /v1/operator/regions/{region}': operator(
    "A region's curation: settings, rules and local lessons",
    '200',
    RegionStateSchema,
  ),
  'GET /v1/operator/regions/{region}/settings': operator(
    "A region's own settings and what families in it read",
    '200',
    RegionSettingsAnswerSchema,
  ),
  'PUT /v1/operator/regions/{region}/settings': regionSettingsWrite,
  'PUT /v1/operator/regions/{region}': {
    ...regionSettingsWrite,
    description: 'The older path of PUT /v1/operator/regions/{region}/settings',
    deprecated: true,
  },
  ...curationOperations(),
  'POST /v1/operator/regions/{region}/local-lessons': operator(
    "Add a region's own lesson to a textbook",
    '201',
    LocalLessonSchema,
    { '404': 'No such textbook', '409': 'A lesson with this id exists' },
  ),
  'PUT /v1/operator/lessons/{id}/source': operator(
    'Attach a licensed source (packaged asset or external HLS) to a lesson',
    '200',
    LicensedSourceSchema,
    { '404': 'No such lesson' },
  ),
  ...assetOperations,
};
