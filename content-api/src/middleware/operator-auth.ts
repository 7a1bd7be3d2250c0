import type { NextFunction, Request, Response } from 'express';
import type { AuthService, Principal } from '../services/auth.service.ts';

/**
 * Operator access: a session token from `POST /v1/operator/sessions`, or the service token from the environment
 * (`KETANG_OPERATOR_TOKEN`, the packager's). The principal is left in `res.locals.principal` for the services.
 */
export function operatorAuth(auth: AuthService) {
  return async (req: Request, res: Response, next: NextFunction) => {
    res.locals.principal = await auth.authenticate(req.get('authorization'));
    next();
  };
}

export const principalOf = (res: Response): Principal => res.locals.principal as Principal;
