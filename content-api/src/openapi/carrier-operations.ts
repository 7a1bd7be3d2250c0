import {
  CarrierAppVersionSchema,
  CarrierConfigRecordSchema,
  CarrierConfigSchema,
  CarrierListSchema,
} from '@ketang/contract';
import { answer, type OperationDocs } from './responses.ts';

/** Carriers' configurations (docs/carrier.md): operators publish, boxes read. */
export const carrierOperations: OperationDocs = {
  'GET /v1/operator/carriers': {
    summary: "The carriers with a published configuration: each one's newest version and how many it has",
    tags: ['carrier'],
    ok: answer('200', 'The carriers', CarrierListSchema),
  },
  'PUT /v1/operator/carriers/{id}/config': {
    summary: "Publish a new version of a carrier's configuration (admin; every version is kept and audited)",
    description:
      'Validated with the carrier configuration schema (errors name the field, e.g. body.branding.colours.text). ' +
      'Publishing the same document again answers the stored version; other content under a published version is 409.',
    tags: ['carrier'],
    ok: answer('200', 'The stored version', CarrierConfigRecordSchema),
    errors: {
      '409': 'This version is already published with other content',
    },
  },
  'GET /v1/carriers/{id}/config': {
    summary: "A carrier's newest configuration, for boxes (public; ETag changes with each published version)",
    tags: ['carrier'],
    ok: answer('200', "The carrier's configuration", CarrierConfigSchema),
    errors: {
      '304': 'Not modified: If-None-Match names the current ETag',
      '404': 'No configuration is published for this carrier',
    },
  },
  'GET /v1/carriers/{id}/app-version': {
    summary:
      "The version a carrier's boxes should run, for update checks: the newest stored package's (with where to download it), else the newest configuration's",
    tags: ['carrier'],
    ok: answer('200', 'The newest version', CarrierAppVersionSchema),
    errors: { '404': 'No configuration is published for this carrier' },
  },
};
