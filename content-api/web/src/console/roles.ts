// What each operator role is offered. The API still refuses what a role may not do; the console simply does not
// show it. Both read the contract's one table of role → abilities; here each screen names the ability it needs.
import { can as roleCan, type Ability } from '@ketang/contract/operator-abilities';
import type { components } from '../shared/api/openapi.gen.ts';

/** The API's roles, from the contract. */
export type ConsoleRole = components['schemas']['OperatorSession']['role'];
export type { Ability };

export type Screen =
  | 'channels'
  | 'layouts'
  | 'releases'
  | 'catalogue'
  | 'packaging'
  | 'sync'
  | 'audit'
  | 'operators'
  | 'dashboards';

/** Screens in navigation order, each with the ability that opens it. */
const SCREEN_ABILITY: Readonly<Record<Screen, Ability>> = {
  channels: 'readSchedule',
  layouts: 'readSchedule',
  releases: 'readSchedule',
  catalogue: 'readCatalogue',
  packaging: 'package',
  sync: 'sync',
  audit: 'readAudit',
  operators: 'manageOperators',
  dashboards: 'readDashboards',
};

export const SCREENS = Object.keys(SCREEN_ABILITY) as readonly Screen[];

export function screensFor(role: ConsoleRole): readonly Screen[] {
  return SCREENS.filter((screen) => roleCan(role, SCREEN_ABILITY[screen]));
}

export function can(role: ConsoleRole | undefined, ability: Ability): boolean {
  return roleCan(role, ability);
}
