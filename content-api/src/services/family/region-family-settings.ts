import type { Facet, FacetKind } from '@ketang/catalog';
import type { ErrorDetail } from '../../errors.ts';
import type { SchoolCalendar, UsualEditions } from '../../schemas/region-settings.schema.ts';
import { NATIONAL, type CurationStore, type RegionSettings } from '../../stores/curation.store.ts';
import { builtInNationalCalendar } from './national-calendar.ts';

/** The settings a family in a region reads, each resolved to where it comes from. */
export type FamilySettings = {
  /** The region's own usual editions over the national ones, subject by subject. */
  usualEditions: UsualEditions;
  schoolCalendar: SchoolCalendar;
  calendarSource: 'region' | 'national' | 'built-in';
};

const BUILT_IN_CALENDAR = builtInNationalCalendar();

/** Region first, then the `national` settings, then the built-in calendar (docs/family.md). */
export function resolveFamilySettings(
  own: RegionSettings | null | undefined,
  national: RegionSettings | null | undefined,
): FamilySettings {
  const usualEditions: UsualEditions = {};
  for (const source of [national?.usualEditions, own?.usualEditions]) {
    for (const [stageId, subjects] of Object.entries(source ?? {})) {
      usualEditions[stageId] = { ...usualEditions[stageId], ...subjects };
    }
  }
  if (own?.schoolCalendar)
    return { usualEditions, schoolCalendar: own.schoolCalendar, calendarSource: 'region' };
  if (national?.schoolCalendar) {
    return { usualEditions, schoolCalendar: national.schoolCalendar, calendarSource: 'national' };
  }
  return { usualEditions, schoolCalendar: BUILT_IN_CALENDAR, calendarSource: 'built-in' };
}

/** Every stage, subject and edition id of `usualEditions` that is not a catalogue facet of that kind. */
export function unknownFacetsIn(
  usualEditions: UsualEditions,
  facets: ReadonlyMap<string, Pick<Facet, 'kind'>>,
): ErrorDetail[] {
  const details: ErrorDetail[] = [];
  const check = (id: string, kind: FacetKind, path: string) => {
    if (facets.get(id)?.kind !== kind) details.push({ path, message: `no ${kind} "${id}" in the catalogue` });
  };
  for (const [stageId, subjects] of Object.entries(usualEditions)) {
    const stagePath = `body.usualEditions.${stageId}`;
    check(stageId, 'stage', stagePath);
    for (const [subjectId, editionId] of Object.entries(subjects)) {
      check(subjectId, 'subject', `${stagePath}.${subjectId}`);
      check(editionId, 'edition', `${stagePath}.${subjectId}`);
    }
  }
  return details;
}

/** Reads a region's family settings (and the national ones they fall back to). */
export async function readFamilySettings(
  store: Pick<CurationStore, 'regionSettings'>,
  region: string,
): Promise<FamilySettings> {
  const [own, national] = await Promise.all([
    region === NATIONAL ? null : store.regionSettings(region),
    store.regionSettings(NATIONAL),
  ]);
  return resolveFamilySettings(own, national);
}
