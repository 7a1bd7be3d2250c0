import { CreatePackagingJobBodySchema, PackagingJobParamsSchema, UploadParamsSchema } from '@ketang/contract';
import { Router, type NextFunction, type Request, type Response } from 'express';
import { z } from 'zod';
import { AppError, InvalidRequestError } from '../errors.ts';
import { noStore } from '../middleware/catalogue-cache.ts';
import { needs } from '../middleware/needs-ability.ts';
import { operatorAuth, principalOf } from '../middleware/operator-auth.ts';
import { requireJson } from '../middleware/require-json.ts';
import { toDetails, validate } from '../middleware/validate.ts';
import { withFacts } from '../openapi/route-facts.ts';
import type { AuthService } from '../services/auth.service.ts';
import type { PackagingJobService } from '../services/packaging/packaging-jobs.service.ts';
import type { UploadServer } from '../services/packaging/upload-server.ts';

/** Sent by every tus client; a request without it is answered 412 by tus (documented as a status). */
const TUS_VERSION = z
  .literal('1.0.0')
  .optional()
  .meta({ description: 'The tus protocol version (tus clients always send it; without it: 412)' });
const PATCH_TYPE = 'application/offset+octet-stream';

/** The headers each tus request reads (tus 1.0.0, creation and termination extensions). */
const CREATE_HEADERS = z.object({
  'tus-resumable': TUS_VERSION,
  'upload-length': z.string().regex(/^\d+$/).meta({ description: 'The whole file in bytes' }),
  'upload-metadata': z
    .string()
    .optional()
    .meta({ description: 'tus metadata: `filename <base64>,filetype <base64>`' }),
});
const OFFSET_HEADERS = z.object({
  'tus-resumable': TUS_VERSION,
  'upload-offset': z.string().regex(/^\d+$/).meta({ description: 'Where these bytes start' }),
});
const TUS_HEADERS = z.object({ 'tus-resumable': TUS_VERSION });

/** The tus headers a route reads, checked against the schema the document shows (400 naming each). */
const tusHeaders = (headers: z.ZodObject) =>
  withFacts(
    (req: Request, _res: Response, next: NextFunction) => {
      const sent = Object.fromEntries(Object.keys(headers.shape).map((name) => [name, req.get(name)]));
      const result = headers.safeParse(sent);
      if (!result.success) {
        const details = toDetails(result.error, 'headers');
        throw new InvalidRequestError(`invalid headers: ${details.map((d) => d.path).join(', ')}`, details);
      }
      next();
    },
    { headers, responses: { '400': 'A tus header is missing or malformed; details name each' } },
  );

/** A PATCH carries the file's bytes as `application/offset+octet-stream`, nothing else. */
const octetStream = (maxBytes: number) =>
  withFacts(
    (req: Request, _res: Response, next: NextFunction) => {
      if (!req.is(PATCH_TYPE)) {
        throw new AppError(415, 'unsupported_media_type', `send the bytes as ${PATCH_TYPE}`, [
          { path: 'content-type', message: `got ${req.get('content-type') ?? 'none'}` },
        ]);
      }
      next();
    },
    {
      rawBody: { mediaTypes: [PATCH_TYPE], maxBytes },
      responses: { '415': `The body is not declared ${PATCH_TYPE}` },
    },
  );

/**
 * Packaging from the console (docs/console.md "Packaging"): tus resumable uploads of mezzanine files under
 * `/uploads`, and packaging jobs that turn an upload into a registered asset.
 */
export function packagingRoutes(
  auth: AuthService,
  uploads: UploadServer,
  jobs: PackagingJobService,
  maxUploadBytes: number,
): Router {
  const router = Router();
  const tus = (req: Request, res: Response) => uploads.handle(req, res);
  router.use(['/uploads', '/packaging-jobs'], noStore);
  router.post('/uploads', operatorAuth(auth), needs('package'), tusHeaders(CREATE_HEADERS), tus);
  router.head(
    '/uploads/:id',
    operatorAuth(auth),
    needs('package'),
    validate('params', UploadParamsSchema),
    tusHeaders(TUS_HEADERS),
    tus,
  );
  router.patch(
    '/uploads/:id',
    operatorAuth(auth),
    needs('package'),
    validate('params', UploadParamsSchema),
    tusHeaders(OFFSET_HEADERS),
    octetStream(maxUploadBytes),
    tus,
  );
  router.delete(
    '/uploads/:id',
    operatorAuth(auth),
    needs('package'),
    validate('params', UploadParamsSchema),
    tusHeaders(TUS_HEADERS),
    tus,
  );
  router.post(
    '/packaging-jobs',
    operatorAuth(auth),
    needs('package'),
    requireJson,
    validate('body', CreatePackagingJobBodySchema),
    async (_req, res) => {
      res.status(202).json(await jobs.create(principalOf(res), res.locals.body));
    },
  );
  router.get('/packaging-jobs', operatorAuth(auth), needs('package'), async (_req, res) => {
    res.json({ items: await jobs.list(principalOf(res)) });
  });
  router.get(
    '/packaging-jobs/:id',
    operatorAuth(auth),
    needs('package'),
    validate('params', PackagingJobParamsSchema),
    async (_req, res) => {
      res.json(await jobs.get(principalOf(res), res.locals.params.id));
    },
  );
  return router;
}
