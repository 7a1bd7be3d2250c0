import { describe, expect, it } from 'vitest';
import {
  ABILITIES,
  ABILITIES_BY_ROLE,
  can,
  OPERATOR_ROLES,
  rolesWith,
  SERVICE_ABILITIES,
} from './operator-abilities.ts';

describe('the operator ability table', () => {
  it('gives every role a row of known abilities, the admin all of them', () => {
    expect(Object.keys(ABILITIES_BY_ROLE).sort()).toEqual([...OPERATOR_ROLES].sort());
    for (const abilities of Object.values(ABILITIES_BY_ROLE))
      for (const ability of abilities) expect(ABILITIES).toContain(ability);
    expect(ABILITIES_BY_ROLE.admin).toEqual(ABILITIES);
  });

  it('lets only the schedule keepers change and publish channels and timetables', () => {
    expect(rolesWith('editSchedule')).toEqual(['admin', 'scheduler']);
    expect(rolesWith('publish')).toEqual(['admin', 'scheduler']);
    expect(can('curator', 'publish')).toBe(false);
    expect(rolesWith('preview')).toEqual(['admin', 'curator', 'scheduler']);
    expect(rolesWith('readSchedule')).toEqual(['admin', 'curator', 'scheduler', 'viewer']);
  });

  it('keeps curation with curators and the carrier role to binding boxes, its app packages and dashboards', () => {
    expect(rolesWith('curate')).toEqual(['admin', 'curator']);
    // Layouts are content: the curator edits them, the scheduler publishes them with the release.
    expect(rolesWith('editLayouts')).toEqual(['admin', 'curator']);
    expect(ABILITIES_BY_ROLE.carrier).toEqual(['bindDevices', 'uploadAppPackages', 'readDashboards']);
    expect(rolesWith('manageOperators')).toEqual(['admin']);
    expect(rolesWith('readAudit')).toEqual(['admin']);
    expect(rolesWith('package')).toEqual(['admin', 'curator']);
    expect(rolesWith('configure')).toEqual(['admin']);
    expect(rolesWith('registerAssets')).toEqual(['admin', 'curator']);
  });

  it('gives the service token only syncs, catalogue reads and asset registration', () => {
    expect([...SERVICE_ABILITIES].sort()).toEqual(['readCatalogue', 'registerAssets', 'sync']);
  });

  it('lets an absent, unknown or service role do nothing', () => {
    expect(can(undefined, 'readDashboards')).toBe(false);
    expect(can('service', 'readSchedule')).toBe(false);
    expect(can('toString', 'readSchedule')).toBe(false);
  });
});
