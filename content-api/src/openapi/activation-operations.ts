import {
  ActivationRegionsSchema,
  ActivationSchema,
  ActivationStateSchema,
  BoundActivationSchema,
  HouseholdDevicesSchema,
  RotatedCredentialSchema,
} from '@ketang/contract';
import type { z } from 'zod';
import { answer, type OperationDoc, type OperationDocs } from './responses.ts';

const CODE_GONE = {
  '404':
    'No box is waiting with this code (unknown, expired, burned or already bound), or the body names a ' +
    'region the operators do not offer or a household that does not exist',
};

function activation(
  summary: string,
  status: string,
  schema?: z.ZodType,
  errors: Record<string, string> = {},
  description?: string,
): OperationDoc {
  return {
    summary,
    tags: ['activation'],
    ok: answer(status, summary, schema),
    errors,
    ...(description ? { description } : {}),
  };
}

/** Activation by code and the box credentials it issues (docs/activation.md). */
export const activationOperations: OperationDocs = {
  'POST /v1/activations': activation(
    'A box without a credential asks for an activation code (15 minutes) and a poll token',
    '201',
    ActivationSchema,
  ),
  'GET /v1/activations/current': activation(
    "The box polls its code's state with `Authorization: Bearer <pollToken>`",
    '200',
    ActivationStateSchema,
    {},
    'Once bound, the first answer carries the device credential; later answers say `bound` without it.',
  ),
  'GET /v1/activations/regions': activation(
    'The regions a new household may choose (those the operators curate)',
    '200',
    ActivationRegionsSchema,
  ),
  'POST /v1/activations/{code}/bind': activation(
    'The phone page binds a code: to a new household, or with a phone link (bearer) to the parent’s own',
    '200',
    BoundActivationSchema,
    { ...CODE_GONE, '401': 'A credential was sent and is not valid' },
    'Without `Authorization`, `newHousehold` names the region (one of GET /v1/activations/regions). With a ' +
      'phone link or box credential, the box joins that household. Failed binds are limited per address and ' +
      'per code (docs/activation.md).',
  ),
  'POST /v1/household/credential/rotate': activation(
    'The box swaps its credential for a new one; the old one works 15 more minutes',
    '200',
    RotatedCredentialSchema,
  ),
  'GET /v1/household/devices': activation("The household's boxes", '200', HouseholdDevicesSchema),
  'DELETE /v1/household/devices/{deviceId}': activation(
    'The parent removes a box: its credentials are refused from the next request',
    '204',
    undefined,
    { '404': 'No such box in this household' },
  ),
  'POST /v1/operator/activations/{code}/bind': {
    ...activation(
      "The carrier's CRM (role carrier) or an admin binds a code to a household or a new one",
      '200',
      BoundActivationSchema,
      CODE_GONE,
    ),
    tags: ['activation'],
  },
  'DELETE /v1/operator/devices/{deviceId}': {
    ...activation('Revoke a box (role admin or carrier)', '204', undefined, {
      '404':
        "No box with this id holds a credential (or, to a carrier's account, none of its carrier and regions)",
    }),
    tags: ['activation'],
  },
};
