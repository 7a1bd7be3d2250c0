import { z } from 'zod';
import type { ZodOpenApiOperationObject, ZodOpenApiPathsObject } from 'zod-openapi';
import { PlaybackEventBodySchema } from '../schemas/device.schema.ts';
import {
  CheckPinBodySchema,
  ControlsSchema,
  CreatedHouseholdSchema,
  CreateHouseholdBodySchema,
  CreateProfileBodySchema,
  HouseholdSchema,
  PatchProfileBodySchema,
  PhoneLinkSchema,
  ProfileParamsSchema,
  ProfileSchema,
  SetPinBodySchema,
} from '../schemas/family.schema.ts';
import {
  ExtensionBodySchema,
  HeartbeatAnswerSchema,
  HeartbeatBatchBodySchema,
  ProgressListSchema,
  ProgressQuerySchema,
  UsageSchema,
} from '../schemas/progress.schema.ts';
import { ReportQuerySchema, WeekReportSchema } from '../schemas/report.schema.ts';
import { ProfileHomeSchema } from '../schemas/profile-home.schema.ts';
import { ErrorResponseSchema } from '../schemas/shared.schema.ts';
import { errors, json } from './responses.ts';

type Operation = {
  summary: string;
  status: '200' | '201' | '202' | '204';
  answer?: z.ZodType;
  body?: z.ZodType;
  params?: ZodOpenApiOperationObject['requestParams'];
  /** Parent-only: a phone link, or the box with X-Parental-Pin once a PIN is set. */
  guarded?: boolean;
  /** Answers 404 for an unknown profile id, or one of another household. */
  profile?: boolean;
  extra?: Record<string, string>;
};

const PIN_HEADER = z.object({
  'x-parental-pin': z
    .string()
    .optional()
    .meta({ description: 'The parental PIN, once one is set (box only)' }),
});

/** One family operation: the household credential, its statuses, and the parental guard where it applies. */
function operation(op: Operation): ZodOpenApiOperationObject {
  const responses: Record<string, ReturnType<typeof json> | { description: string }> = {
    [op.status]: op.answer ? json(op.answer, op.summary) : { description: op.summary },
    '401': json(ErrorResponseSchema, 'No valid household credential (WWW-Authenticate: Bearer)'),
    ...errors,
  };
  if (op.profile) responses['404'] = json(ErrorResponseSchema, 'No such profile in this household');
  if (op.guarded) {
    responses['403'] = json(ErrorResponseSchema, 'pin_required or pin_wrong');
    responses['429'] = json(ErrorResponseSchema, 'pin_locked: too many wrong PINs; see Retry-After');
  }
  for (const [status, description] of Object.entries(op.extra ?? {})) {
    responses[status] = json(ErrorResponseSchema, description);
  }
  return {
    summary: op.summary,
    security: [{ household: [] }],
    requestParams: { ...op.params, ...(op.guarded ? { header: PIN_HEADER } : {}) },
    ...(op.body ? { requestBody: { content: { 'application/json': { schema: op.body } } } } : {}),
    responses,
  };
}

const path = { path: ProfileParamsSchema };

export const familyPaths: ZodOpenApiPathsObject = {
  '/v1/households': {
    post: {
      summary: 'First start of a box: a new household and its credential (answered once)',
      requestBody: { content: { 'application/json': { schema: CreateHouseholdBodySchema } } },
      responses: {
        '201': json(CreatedHouseholdSchema, 'The household, the box credential and its device id'),
        '429': json(ErrorResponseSchema, 'Too many new households from this address'),
        ...errors,
      },
    },
  },
  '/v1/household': {
    get: operation({ summary: 'The household with its profiles', status: '200', answer: HouseholdSchema }),
  },
  '/v1/household/profiles': {
    post: operation({
      summary: 'Create a profile',
      status: '201',
      answer: ProfileSchema,
      body: CreateProfileBodySchema,
      guarded: true,
      extra: { '409': 'The household has its most profiles' },
    }),
  },
  '/v1/household/profiles/{profileId}': {
    patch: operation({
      summary: 'Change a profile',
      status: '200',
      answer: ProfileSchema,
      body: PatchProfileBodySchema,
      params: path,
      guarded: true,
      profile: true,
    }),
    delete: operation({
      summary: 'Delete a profile with its progress and usage',
      status: '204',
      params: path,
      guarded: true,
      profile: true,
    }),
  },
  '/v1/household/profiles/{profileId}/controls': {
    put: operation({
      summary: "Set a profile's parental controls",
      status: '200',
      answer: ProfileSchema,
      body: ControlsSchema,
      params: path,
      guarded: true,
      profile: true,
    }),
  },
  '/v1/household/profiles/{profileId}/home': {
    get: operation({
      summary: "A child's home: today's lessons with their reasons, then the grade's rails (box only)",
      status: '200',
      answer: ProfileHomeSchema,
      params: path,
      profile: true,
      extra: { '403': 'Only the box reads a home' },
    }),
  },
  '/v1/household/profiles/{profileId}/progress': {
    get: operation({
      summary: "A profile's progress, most recent first",
      status: '200',
      answer: ProgressListSchema,
      params: { ...path, query: ProgressQuerySchema },
      profile: true,
    }),
  },
  '/v1/household/heartbeats': {
    post: operation({
      summary: 'Playback heartbeats (1–50): merged progress, counted once per id; answered once durable',
      status: '200',
      answer: HeartbeatAnswerSchema,
      body: HeartbeatBatchBodySchema,
      profile: true,
      extra: { '403': 'Only a box sends heartbeats' },
    }),
  },
  '/v1/household/profiles/{profileId}/usage': {
    get: operation({
      summary: "Today's usage of a profile (household time zone, server time)",
      status: '200',
      answer: UsageSchema,
      params: path,
      profile: true,
    }),
  },
  '/v1/household/profiles/{profileId}/usage/extensions': {
    post: operation({
      summary: 'Extra minutes today',
      status: '200',
      answer: UsageSchema,
      body: ExtensionBodySchema,
      params: path,
      guarded: true,
      profile: true,
    }),
  },
  '/v1/household/profiles/{profileId}/break-skips': {
    post: operation({
      summary: 'End the running eye-rest break now',
      status: '200',
      answer: UsageSchema,
      params: path,
      guarded: true,
      profile: true,
    }),
  },
  '/v1/household/pin': {
    put: operation({
      summary: 'Set or change the PIN (a box gives the current one in X-Parental-Pin; a phone may reset)',
      status: '204',
      body: SetPinBodySchema,
      guarded: true,
    }),
  },
  '/v1/household/pin/checks': {
    post: operation({
      summary: 'Check the PIN (box)',
      status: '204',
      body: CheckPinBodySchema,
      extra: { '403': 'pin_wrong', '409': 'pin_not_set', '429': 'pin_locked: see Retry-After' },
    }),
  },
  '/v1/household/phone-links': {
    post: operation({
      summary: 'A 30-minute phone link for the parent (box)',
      status: '201',
      answer: PhoneLinkSchema,
      extra: { '403': 'Only a box mints phone links' },
    }),
  },
  '/v1/household/report': {
    get: operation({
      summary: "A profile's week",
      status: '200',
      answer: WeekReportSchema,
      params: { query: ReportQuerySchema },
      profile: true,
    }),
  },
  '/v1/events': {
    post: operation({
      summary: "Report playback quality statistics; the device id is the credential's",
      status: '202',
      answer: z.object({ accepted: z.literal(true), id: z.string() }),
      body: PlaybackEventBodySchema,
      extra: {
        '403': 'Only a box reports events',
        '413': 'Body too large',
        '415': 'Body is not application/json',
      },
    }),
  },
};
