import { Router } from 'express';
import { validate } from '../middleware/validate.ts';
import { ImageParamsSchema, ImageQuerySchema } from '@ketang/contract';
import type { ImageService } from '../services/image.service.ts';

/** A picture never changes under its URL (the URL names what it shows), so a CDN and the box keep it a year. */
const IMMUTABLE = 'public, max-age=31536000, immutable';

export function imageRoutes(images: ImageService): Router {
  const router = Router();
  router.get(
    '/images/:key',
    validate('params', ImageParamsSchema),
    validate('query', ImageQuerySchema),
    async (req, res) => {
      const { w, h, format } = res.locals.query;
      const picture = await images.picture(res.locals.params.key, { width: w, height: h }, format);
      res.set({
        'Content-Type': picture.contentType,
        'Cache-Control': IMMUTABLE,
        ETag: picture.etag,
        'Access-Control-Allow-Origin': '*',
        'X-Content-Type-Options': 'nosniff',
      });
      if (req.fresh) {
        res.status(304).end();
        return;
      }
      res.send(picture.body);
    },
  );
  return router;
}
