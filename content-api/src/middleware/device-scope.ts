import type { NextFunction, Request, Response } from 'express';
import { z } from 'zod';
import { withFacts } from '../openapi/route-facts.ts';
import type { DeviceScope } from '../services/releases/scope.ts';

export const PREVIEW_HEADER = 'x-ketang-preview';
const PREVIEW_HEADERS = z.object({
  [PREVIEW_HEADER]: z
    .string()
    .optional()
    .meta({ description: "A draft preview's pairing code: the box sees the draft instead of the release" }),
});

/**
 * A box previewing a draft (`X-Ketang-Preview: <code>`) gets answers no cache may keep or share; the code is
 * left for the channel sets to resolve.
 */
export const readPreview = withFacts(
  (req: Request, res: Response, next: NextFunction) => {
    const code = req.get(PREVIEW_HEADER);
    if (code) {
      res.locals.preview = code;
      res.set('Cache-Control', 'private, no-store');
    }
    next();
  },
  { headers: PREVIEW_HEADERS },
);

export const isPreviewRequest = (req: Request): boolean => Boolean(req.get(PREVIEW_HEADER));

/** The scope a device read is for: its region and carrier from the query, and a preview code if any. */
export function deviceScopeOf(res: Response): DeviceScope {
  const query = res.locals.query as { region?: string; carrier?: string } | undefined;
  const preview = res.locals.preview as string | undefined;
  return { region: query?.region, carrier: query?.carrier, ...(preview ? { preview } : {}) };
}
