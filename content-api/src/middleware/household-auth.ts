import type { NextFunction, Request, Response } from 'express';
import { ForbiddenError } from '../errors.ts';
import type { FamilyAuth, FamilyAuthenticator } from '../services/family/family-auth.ts';
import type { PinService } from '../services/family/pin.service.ts';

/** Family access: the bearer credential (box or phone link) becomes `res.locals.family`; else 401. */
export function householdAuth(authenticator: FamilyAuthenticator) {
  return async (req: Request, res: Response, next: NextFunction) => {
    res.locals.family = await authenticator.authenticate(req.get('authorization'));
    next();
  };
}

export const familyOf = (res: Response): FamilyAuth => res.locals.family as FamilyAuth;

/** Only a box (not a phone link) may do this: heartbeats, phone links, the PIN pad. */
export function requireBox(_req: Request, res: Response, next: NextFunction): void {
  if (familyOf(res).via !== 'box') throw new ForbiddenError('only the box may do this');
  next();
}

/** Parent-only writes: a phone link, or the box with `X-Parental-Pin` once a PIN is set. */
export function parentalGuard(pins: PinService) {
  return async (req: Request, res: Response, next: NextFunction) => {
    await pins.guard(familyOf(res), req.get('x-parental-pin'));
    next();
  };
}
