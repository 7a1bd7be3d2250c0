// A region's draft home layouts (the curator's API) and a preview code for the TV preview.
import { callApi } from '../api/client.ts';
import type { HomeLayout, HomeLayoutList, LayoutRail } from './layout-model.ts';

const base = (region: string) => `/v1/operator/regions/${encodeURIComponent(region)}`;
const layoutsPath = (region: string, carrier: string, stage?: string) =>
  `${base(region)}/draft/layouts${stage ? `/${encodeURIComponent(stage)}` : ''}?carrier=${encodeURIComponent(carrier)}`;

export const layoutsApi = {
  list: (region: string, carrier: string) => callApi<HomeLayoutList>(layoutsPath(region, carrier)),
  save: (region: string, carrier: string, stage: string, rails: LayoutRail[]) =>
    callApi<HomeLayout>(layoutsPath(region, carrier, stage), { method: 'PUT', body: { rails } }),
  remove: (region: string, carrier: string, stage: string) =>
    callApi<void>(layoutsPath(region, carrier, stage), { method: 'DELETE' }),
  previewCode: (region: string, carrier: string) =>
    callApi<{ code: string; expiresAt: string }>(
      `${base(region)}/previews?carrier=${encodeURIComponent(carrier)}`,
      {
        method: 'POST',
      },
    ),
};
