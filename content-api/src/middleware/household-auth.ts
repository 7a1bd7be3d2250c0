import type { NextFunction, Request, Response } from 'express';
import { z } from 'zod';
import { ForbiddenError } from '../errors.ts';
import { withFacts } from '../openapi/route-facts.ts';
import type { FamilyAuth, FamilyAuthenticator } from '../services/family/family-auth.ts';
import type { PinService } from '../services/family/pin.service.ts';

/** Family access: the bearer credential (box or phone link) becomes `res.locals.family`; else 401. */
export function householdAuth(authenticator: FamilyAuthenticator) {
  return withFacts(
    async (req: Request, res: Response, next: NextFunction) => {
      res.locals.family = await authenticator.authenticate(req.get('authorization'));
      next();
    },
    {
      security: 'household',
      responses: { '401': 'No valid household credential (WWW-Authenticate: Bearer)' },
    },
  );
}

export const familyOf = (res: Response): FamilyAuth => res.locals.family as FamilyAuth;

/** Only a box (not a phone link) may do this: heartbeats, phone links, the PIN pad. */
export const requireBox = withFacts(
  (_req: Request, res: Response, next: NextFunction): void => {
    if (familyOf(res).via !== 'box') throw new ForbiddenError('only the box may do this');
    next();
  },
  { responses: { '403': 'Only the box may do this, not a phone link' } },
);

const PIN_HEADER = z.object({
  'x-parental-pin': z
    .string()
    .optional()
    .meta({ description: 'The parental PIN, once one is set (box only)' }),
});

/** Parent-only writes: a phone link, or the box with `X-Parental-Pin` once a PIN is set. */
export function parentalGuard(pins: PinService) {
  return withFacts(
    async (req: Request, res: Response, next: NextFunction) => {
      await pins.guard(familyOf(res), req.get('x-parental-pin'));
      next();
    },
    {
      headers: PIN_HEADER,
      responses: {
        '403': 'pin_required or pin_wrong (parent-only: a phone link, or the box with its PIN)',
        '429': 'pin_locked: too many wrong PINs; see Retry-After',
      },
    },
  );
}
