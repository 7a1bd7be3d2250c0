import { CarrierPackageSchema } from '@ketang/contract';
import { z } from 'zod';
import { answer, type OperationDocs } from './responses.ts';

const PACKAGE_FILE = {
  description: 'The package (.tgz); Content-Disposition names it, ETag is its sha256',
  content: { 'application/gzip': { schema: z.string().meta({ format: 'binary' }) } },
};

/** Carriers' signed packages hosted for updates (docs/carrier.md, "Updates"). */
export const packageOperations: OperationDocs = {
  'PUT /v1/operator/carriers/{id}/packages/{version}': {
    summary:
      "Store a carrier's signed package (the tarball of `npm run carrier -- bundle`) for boxes to update from",
    description:
      "Verified before it is stored, with the public key of the carrier's newest configuration (`packageKey`): " +
      'the signature over manifest.json, then every file. A package that fails is refused with 400 naming each ' +
      'problem (changed file, missing file, unlisted file, signature, archive). Sending the same package again ' +
      'answers the stored record.',
    tags: ['carrier'],
    ok: answer('200', 'The stored package', CarrierPackageSchema),
    errors: {
      '403': 'Needs the role admin, or carrier for its own carrier',
      '404': 'No configuration is published for this carrier',
      '409': 'The newest configuration names no packageKey, or this version is stored with other content',
    },
  },
  'GET /v1/carriers/{id}/packages/latest': {
    summary: "The carrier's newest stored package (by semantic version), for boxes",
    tags: ['carrier'],
    ok: { '200': PACKAGE_FILE },
    errors: { '404': 'No package is stored for this carrier' },
  },
  'GET /v1/carriers/{id}/packages/{version}': {
    summary: "One version of the carrier's packages, for boxes (immutable)",
    tags: ['carrier'],
    ok: { '200': PACKAGE_FILE },
    errors: { '404': 'No package of this version is stored' },
  },
};
