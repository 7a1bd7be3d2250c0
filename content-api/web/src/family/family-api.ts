// The family routes the phone page uses, with the phone link as the bearer token (docs/family.md).
import { requestJson } from '../shared/api/http.ts';
import type {
  Controls,
  FacetNode,
  Household,
  Profile,
  Section,
  WeekReport,
} from '../shared/api/family-types.ts';

export type FamilyApi = ReturnType<typeof createFamilyApi>;

const withRegion = (path: string, region?: string) =>
  region ? `${path}?region=${encodeURIComponent(region)}` : path;

export function createFamilyApi(token: string) {
  const profilePath = (profileId: string) => `/v1/household/profiles/${encodeURIComponent(profileId)}`;
  return {
    household: () => requestJson<Household>('/v1/household', { token }),
    weekReport: (profileId: string) =>
      requestJson<WeekReport>(`/v1/household/report?profileId=${encodeURIComponent(profileId)}`, { token }),
    saveControls: (profileId: string, controls: Controls) =>
      requestJson<Profile>(`${profilePath(profileId)}/controls`, { method: 'PUT', body: controls, token }),
    rename: (profileId: string, name: string) =>
      requestJson<Profile>(profilePath(profileId), { method: 'PATCH', body: { name }, token }),
    resetPin: (pin: string) =>
      requestJson<void>('/v1/household/pin', { method: 'PUT', body: { pin }, token }),
    /** Catalogue reads need no credential; the household's region picks its curation. */
    facets: (region?: string) => requestJson<{ tree: FacetNode[] }>(withRegion('/v1/facets', region)),
    sections: (region?: string) => requestJson<{ items: Section[] }>(withRegion('/v1/sections', region)),
  };
}
