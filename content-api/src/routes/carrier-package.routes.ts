// Carriers' signed packages (docs/carrier.md, "Updates"): a carrier's account (or an admin) uploads the
// tarball of `npm run carrier -- bundle`, the API verifies it with the carrier's packageKey before storing it,
// and boxes download the newest (or a given) version.
import { CarrierPackageParamsSchema, CarrierParamsSchema } from '@ketang/contract';
import { Router, type Response } from 'express';
import { noStore } from '../middleware/catalogue-cache.ts';
import { operatorAuth, principalOf } from '../middleware/operator-auth.ts';
import { rawFileBody } from '../middleware/timetable-body.ts';
import { validate } from '../middleware/validate.ts';
import { needs } from '../middleware/needs-ability.ts';
import type { AuthService } from '../services/auth.service.ts';
import {
  MAX_PACKAGE_BYTES,
  type CarrierPackageService,
} from '../services/carrier/carrier-package.service.ts';

/** The package upload's media types: the .tgz the CLI writes. */
export const PACKAGE_MEDIA_TYPES = { gzip: 'application/gzip', octets: 'application/octet-stream' };
/** Boxes revalidate the newest version each minute; a version's bytes never change. */
const LATEST_CACHE = 'public, max-age=60, must-revalidate';
const VERSION_CACHE = 'public, max-age=31536000, immutable';

export function carrierPackageOperatorRoutes(packages: CarrierPackageService, auth: AuthService): Router {
  const router = Router();
  router.put(
    '/carriers/:id/packages/:version',
    noStore,
    operatorAuth(auth),
    // Who may upload is known before the body is read: no one else makes the API read 32 MB.
    needs('uploadAppPackages'),
    validate('params', CarrierPackageParamsSchema),
    rawFileBody(PACKAGE_MEDIA_TYPES, MAX_PACKAGE_BYTES),
    async (_req, res) => {
      const { id, version } = res.locals.params as { id: string; version: string };
      const { bytes } = res.locals.upload as { bytes: Buffer };
      res.json(await packages.upload(principalOf(res), id, version, bytes));
    },
  );
  return router;
}

export function carrierPackageBoxRoutes(packages: CarrierPackageService): Router {
  const router = Router();
  const send = async (res: Response, version: string, cache: string) => {
    const { id } = res.locals.params as { id: string };
    const { record, bytes } = await packages.download(id, version);
    res
      .set({
        'Content-Type': 'application/gzip',
        'Content-Disposition': `attachment; filename="ketang-${id}-${record.version}.tgz"`,
        ETag: `"${record.sha256}"`,
        'Cache-Control': cache,
      })
      .send(bytes);
  };
  router.get('/carriers/:id/app-version', validate('params', CarrierParamsSchema), async (_req, res) => {
    res.set('Cache-Control', LATEST_CACHE).json(await packages.appVersion(res.locals.params.id));
  });
  router.get('/carriers/:id/packages/latest', validate('params', CarrierParamsSchema), async (_req, res) => {
    await send(res, 'latest', LATEST_CACHE);
  });
  router.get(
    '/carriers/:id/packages/:version',
    validate('params', CarrierPackageParamsSchema),
    async (_req, res) => {
      await send(res, (res.locals.params as { version: string }).version, VERSION_CACHE);
    },
  );
  return router;
}
