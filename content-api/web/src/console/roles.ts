// What each operator role is offered. The API still refuses what a role may not do; the console simply does
// not show it. One table, read by the navigation and by the screens' buttons.
import type { components } from '../shared/api/openapi.gen.ts';

/** The API's roles, from the contract. */
export type ConsoleRole = components['schemas']['OperatorSession']['role'];

export type Screen = 'channels' | 'releases' | 'catalogue' | 'sync' | 'audit' | 'operators' | 'dashboards';
export type Ability = 'editSchedule' | 'publish' | 'curate' | 'sync' | 'manageOperators' | 'readAudit';

/** Screens in navigation order. */
export const SCREENS: readonly Screen[] = [
  'channels',
  'releases',
  'catalogue',
  'sync',
  'audit',
  'operators',
  'dashboards',
];

const SCREENS_BY_ROLE: Record<ConsoleRole, readonly Screen[]> = {
  admin: SCREENS,
  scheduler: ['channels', 'releases', 'dashboards'],
  curator: ['channels', 'releases', 'catalogue', 'dashboards'],
  viewer: ['channels', 'releases', 'catalogue', 'dashboards'],
  // A carrier's CRM account binds activation codes through the API; in the console it reads the dashboards.
  carrier: ['dashboards'],
};

const ABILITIES_BY_ROLE: Record<ConsoleRole, readonly Ability[]> = {
  admin: ['editSchedule', 'publish', 'curate', 'sync', 'manageOperators', 'readAudit'],
  scheduler: ['editSchedule', 'publish'],
  curator: ['curate'],
  viewer: [],
  carrier: [],
};

export function screensFor(role: ConsoleRole): readonly Screen[] {
  return SCREENS.filter((screen) => SCREENS_BY_ROLE[role]?.includes(screen));
}

export function can(role: ConsoleRole | undefined, ability: Ability): boolean {
  return role !== undefined && (ABILITIES_BY_ROLE[role]?.includes(ability) ?? false);
}
