import type { NextFunction, Request, Response } from 'express';
import { withFacts } from '../openapi/route-facts.ts';
import type { AuthService, Principal } from '../services/auth.service.ts';

/**
 * Operator access: a session token from `POST /v1/operator/sessions`, or the service token from the environment
 * (`KETANG_OPERATOR_TOKEN`, the packager's). The principal is left in `res.locals.principal` for the services.
 */
export function operatorAuth(auth: AuthService) {
  return withFacts(
    async (req: Request, res: Response, next: NextFunction) => {
      res.locals.principal = await auth.authenticate(req.get('authorization'));
      next();
    },
    {
      security: 'operator',
      responses: { '401': 'No valid operator session or service token (WWW-Authenticate: Bearer)' },
    },
  );
}

export const principalOf = (res: Response): Principal => res.locals.principal as Principal;
