// A region's curation (hide, approve, rename a lesson) and settings, through the typed client.
import type { components } from '../../shared/api/openapi.gen.ts';
import { api, dataOf } from './client.ts';

export type RegionState = components['schemas']['RegionState'];
export type RuleChange = { hidden?: boolean; approved?: boolean; title?: { zh: string; en?: string } };
export type SchoolCalendar = components['schemas']['SchoolCalendar'];

export const curationApi = {
  regionState: (region: string) =>
    dataOf(api.GET('/v1/operator/regions/{region}', { params: { path: { region } } })),
  setLessonRule: (region: string, id: string, body: RuleChange) =>
    dataOf(
      api.PUT('/v1/operator/regions/{region}/lessons/{id}', {
        params: { path: { region, id } },
        body,
      }),
    ),
  saveCalendar: (region: string, schoolCalendar: SchoolCalendar | null) =>
    dataOf(
      api.PUT('/v1/operator/regions/{region}/settings', {
        params: { path: { region } },
        body: { schoolCalendar },
      }),
    ),
};
