import type { Ability } from '@ketang/contract';
import type { NextFunction, Request, Response } from 'express';
import { withFacts } from '../openapi/route-facts.ts';
import { principalsWith, requireAbility } from '../services/auth.service.ts';
import { principalOf } from './operator-auth.ts';

/**
 * What an operator route needs, named on the route (after `operatorAuth`, before validation: a role without the
 * ability gets 403 whatever it sent). The roles come from the contract's one table; the OpenAPI document lists
 * them, and the route inventory test checks every operator route names one.
 */
export function needs(ability: Ability) {
  return withFacts(
    (_req: Request, res: Response, next: NextFunction) => {
      requireAbility(principalOf(res), ability);
      next();
    },
    { ability, responses: { '403': `Needs the ability ${ability}: ${principalsWith(ability).join(', ')}` } },
  );
}
