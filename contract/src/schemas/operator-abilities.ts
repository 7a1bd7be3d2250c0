// Who may do what: the one table of operator role → abilities. The API's route checks and the console's screens
// and buttons both read it (exported also as `@ketang/contract/operator-abilities`, free of zod for the console).
// Each role does only its part (issue 13): the scheduler keeps channels and timetables and publishes them, the
// curator curates the catalogue, the viewer reads, the carrier's CRM account binds boxes.

/** `carrier` is a service role for a carrier's CRM: it binds activation codes and revokes boxes, nothing else. */
export const OPERATOR_ROLES = ['admin', 'curator', 'scheduler', 'viewer', 'carrier'] as const;
export type OperatorRole = (typeof OPERATOR_ROLES)[number];

export const ABILITIES = [
  /** Read channel drafts, their slots and changes, and the releases. */
  'readSchedule',
  /** Change channel drafts and their slots, import timetables. */
  'editSchedule',
  /** Change a region's draft home layouts (rails, their order and titles): content, so the curator's. */
  'editLayouts',
  /**
   * Publish a release, cancel a scheduled one, roll back. Releases hold channels, timetables, home layouts and
   * curation.
   */
  'publish',
  /** Pair a TV with the draft for a look before publishing. */
  'preview',
  /** Read the catalogue and a region's curation. */
  'readCatalogue',
  /** Hide, approve, rename and reorder the catalogue (a draft, published by a release); a region's settings. */
  'curate',
  /** Start catalogue syncs. */
  'sync',
  /** Register packaged assets (the packager, with the service token). */
  'registerAssets',
  /** Publish carriers' configurations and set the image hosts the catalogue may name. */
  'configure',
  /** Create and list operators. */
  'manageOperators',
  /** Read the audit log. */
  'readAudit',
  /** Read the dashboards. */
  'readDashboards',
  /** Bind activation codes and revoke boxes (a carrier's CRM). */
  'bindDevices',
  /** Upload mezzanine files and run packaging jobs (a lesson's video). */
  'package',
  /** Upload a carrier's signed app packages for its boxes to update from (a carrier's account: its own only). */
  'uploadAppPackages',
] as const;
export type Ability = (typeof ABILITIES)[number];

export const ABILITIES_BY_ROLE: Readonly<Record<OperatorRole, readonly Ability[]>> = {
  admin: ABILITIES,
  scheduler: ['readSchedule', 'editSchedule', 'publish', 'preview', 'readDashboards'],
  curator: [
    'readSchedule',
    'editLayouts',
    'preview',
    'readCatalogue',
    'curate',
    'package',
    'registerAssets',
    'readDashboards',
  ],
  viewer: ['readSchedule', 'readCatalogue', 'readDashboards'],
  carrier: ['bindDevices', 'uploadAppPackages', 'readDashboards'],
};

/**
 * The service token's abilities (`KETANG_OPERATOR_TOKEN`: the packager and the sync CLI, no person): start a
 * sync and follow it, read the catalogue, register packaged assets.
 */
export const SERVICE_ABILITIES: readonly Ability[] = ['sync', 'readCatalogue', 'registerAssets'];

/** Whether the role may do it; an unknown or absent role may do nothing. */
export function can(role: string | undefined, ability: Ability): boolean {
  return role !== undefined && Object.hasOwn(ABILITIES_BY_ROLE, role)
    ? ABILITIES_BY_ROLE[role as OperatorRole].includes(ability)
    : false;
}

/** The roles that may do it, in the table's order (for a route check and its error message). */
export function rolesWith(ability: Ability): OperatorRole[] {
  return OPERATOR_ROLES.filter((role) => ABILITIES_BY_ROLE[role].includes(ability));
}
