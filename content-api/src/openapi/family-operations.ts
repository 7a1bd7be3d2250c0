import {
  CreatedHouseholdSchema,
  HeartbeatAnswerSchema,
  HouseholdSchema,
  PhoneLinkSchema,
  ProfileHomeSchema,
  ProfileSchema,
  ProgressListSchema,
  UsageSchema,
  WeekReportSchema,
} from '@ketang/contract';
import type { z } from 'zod';
import { answer, type OperationDoc, type OperationDocs } from './responses.ts';

const NO_PROFILE = { '404': 'No such profile in this household' };

function family(
  summary: string,
  status: string,
  schema?: z.ZodType,
  errors: Record<string, string> = {},
): OperationDoc {
  return { summary, tags: ['family'], ok: answer(status, summary, schema), errors };
}

/** The family routes (docs/family.md); the credential, PIN guard and box-only checks come from their middleware. */
export const familyOperations: OperationDocs = {
  'POST /v1/households': family(
    'First start of a box: a new household and its credential (answered once)',
    '201',
    CreatedHouseholdSchema,
  ),
  'GET /v1/household/playback-keys': {
    ...family(
      "An AES-128 key of a licensed HLS lesson, fetched from the licensee's key service with its token (box only)",
      '200',
    ),
    ok: {
      '200': {
        description: 'The 16-byte key',
        content: { 'application/octet-stream': { schema: { type: 'string', format: 'binary' } } },
      },
    },
    errors: {
      '404': 'The lesson has no licensed key service',
      '502': "The licensee's key service failed or answered something that is not a key",
    },
  },
  'GET /v1/household': family('The household with its profiles', '200', HouseholdSchema),
  'POST /v1/household/profiles': family('Create a profile', '201', ProfileSchema, {
    '409': 'The household has its most profiles',
  }),
  'PATCH /v1/household/profiles/{profileId}': family('Change a profile', '200', ProfileSchema, NO_PROFILE),
  'DELETE /v1/household/profiles/{profileId}': family(
    'Delete a profile with its progress and usage',
    '204',
    undefined,
    NO_PROFILE,
  ),
  'PUT /v1/household/profiles/{profileId}/controls': family(
    "Set a profile's parental controls",
    '200',
    ProfileSchema,
    NO_PROFILE,
  ),
  'GET /v1/household/profiles/{profileId}/home': family(
    "A child's home: today's lessons with their reasons, then the grade's rails (box only)",
    '200',
    ProfileHomeSchema,
    NO_PROFILE,
  ),
  'GET /v1/household/profiles/{profileId}/progress': family(
    "A profile's progress, most recent first",
    '200',
    ProgressListSchema,
    NO_PROFILE,
  ),
  'POST /v1/household/heartbeats': family(
    'Playback heartbeats (1–50): merged progress, counted once per id; answered once durable',
    '200',
    HeartbeatAnswerSchema,
    { '404': 'A heartbeat names a profile of no profile in this household, or a lesson that does not exist' },
  ),
  'GET /v1/household/profiles/{profileId}/usage': family(
    "Today's usage of a profile (household time zone, server time)",
    '200',
    UsageSchema,
    NO_PROFILE,
  ),
  'POST /v1/household/profiles/{profileId}/usage/extensions': family(
    'Extra minutes today',
    '200',
    UsageSchema,
    NO_PROFILE,
  ),
  'POST /v1/household/profiles/{profileId}/break-skips': family(
    'End the running eye-rest break now',
    '200',
    UsageSchema,
    NO_PROFILE,
  ),
  'PUT /v1/household/pin': family(
    'Set or change the PIN (a box gives the current one in X-Parental-Pin; a phone may reset)',
    '204',
    undefined,
    {
      '403': 'pin_required or pin_wrong: a box changing a set PIN gives the current one',
      '429': 'pin_locked: too many wrong PINs; see Retry-After',
      '503': 'busy: too many PIN hashes waiting; see Retry-After',
    },
  ),
  'POST /v1/household/pin/checks': family('Check the PIN (box)', '204', undefined, {
    '403': 'pin_wrong',
    '409': 'pin_not_set',
    '429': 'pin_locked: see Retry-After',
    '503': 'busy: too many PIN hashes waiting; see Retry-After',
  }),
  'POST /v1/household/phone-links': family(
    'A 30-minute phone link for the parent (box)',
    '201',
    PhoneLinkSchema,
  ),
  'GET /v1/household/report': family("A profile's week", '200', WeekReportSchema, NO_PROFILE),
};
