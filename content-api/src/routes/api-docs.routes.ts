// The OpenAPI document as a page for people, at /v1/docs: Swagger UI from the swagger-ui-dist package, served
// by the API itself (no CDN, works offline), under its own CSP (middleware/security-headers.ts).
import { createRequire } from 'node:module';
import path from 'node:path';
import { Router } from 'express';
import { z } from 'zod';
import { noStore } from '../middleware/catalogue-cache.ts';
import { validate } from '../middleware/validate.ts';

const SWAGGER_UI_DIR = path.dirname(createRequire(import.meta.url).resolve('swagger-ui-dist/package.json'));
const FILES = {
  'swagger-ui.css': 'text/css',
  'swagger-ui-bundle.js': 'text/javascript',
  'favicon-32x32.png': 'image/png',
} as const;
export const DocsFileParamsSchema = z.strictObject({ file: z.enum([...Object.keys(FILES), 'docs.js']) });

/** Relative URLs, so the page works behind a proxy that mounts the API under another prefix. */
const PAGE = `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <title>Ketang content API</title>
    <link rel="icon" href="docs/favicon-32x32.png" />
    <link rel="stylesheet" href="docs/swagger-ui.css" />
  </head>
  <body>
    <div id="docs"></div>
    <script src="docs/swagger-ui-bundle.js"></script>
    <script src="docs/docs.js"></script>
  </body>
</html>
`;

/** Inline scripts are refused by the page's CSP, so the set-up is a file of its own. */
const START = `window.ui = SwaggerUIBundle({
  url: new URL('openapi.json', document.baseURI).href,
  dom_id: '#docs',
  deepLinking: true,
  validatorUrl: null,
  tryItOutEnabled: false,
});
`;

export function apiDocsRoutes(): Router {
  const router = Router();
  router.get('/docs', noStore, (_req, res) => {
    res.type('html').send(PAGE);
  });
  router.get('/docs/:file', validate('params', DocsFileParamsSchema), (_req, res) => {
    const file = res.locals.params.file as keyof typeof FILES | 'docs.js';
    res.set('Cache-Control', 'public, max-age=3600');
    if (file === 'docs.js') {
      res.type('text/javascript').send(START);
      return;
    }
    res.type(FILES[file]).sendFile(path.join(SWAGGER_UI_DIR, file));
  });
  return router;
}
