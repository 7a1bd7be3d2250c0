// Draft channels, their week of slots, the timetable import and releases of a region (the scheduler's API).
import { ApiError } from '../../shared/api/http.ts';
import { callApi, downloadBlob, uploadFile } from './client.ts';
import type {
  DraftChanges,
  DraftChannel,
  DraftChannelBody,
  DraftSlot,
  ImportResult,
  Release,
  SlotWeekBody,
} from './schedule-types.ts';

const base = (region: string) => `/v1/operator/regions/${encodeURIComponent(region)}`;
const channelPath = (region: string, channelId: string) =>
  `${base(region)}/draft/channels/${encodeURIComponent(channelId)}`;

export const scheduleApi = {
  listChannels: (region: string) =>
    callApi<{ items: DraftChannel[] }>(`${base(region)}/draft/channels`).then((answer) => answer.items),
  /** The API lists channels but has no single-channel read: found in the list. */
  getChannel: async (region: string, channelId: string) => {
    const channels = await callApi<{ items: DraftChannel[] }>(`${base(region)}/draft/channels`);
    const channel = channels.items.find((item) => item.id === channelId);
    if (!channel) throw new ApiError(404, 'not_found', channelId);
    return channel;
  },
  saveChannel: (region: string, channelId: string, body: DraftChannelBody) =>
    callApi<DraftChannel>(channelPath(region, channelId), { method: 'PUT', body }),
  deleteChannel: (region: string, channelId: string) =>
    callApi<void>(channelPath(region, channelId), { method: 'DELETE' }),
  listSlots: (region: string, channelId: string, from: string, days = 7) =>
    callApi<{ items: DraftSlot[] }>(`${channelPath(region, channelId)}/slots?from=${from}&days=${days}`).then(
      (answer) => answer.items,
    ),
  saveWeek: (region: string, channelId: string, body: SlotWeekBody) =>
    callApi<{ items: DraftSlot[] }>(`${channelPath(region, channelId)}/slots`, { method: 'PUT', body }),
  importTimetable: (region: string, channelId: string, file: File, isDryRun: boolean) =>
    uploadFile<ImportResult>(
      `${channelPath(region, channelId)}/timetable-import${isDryRun ? '?dryRun=true' : ''}`,
      file,
      file.type || (file.name.endsWith('.csv') ? 'text/csv' : 'application/octet-stream'),
    ),
  template: (region: string, channelId: string, format: 'csv' | 'xlsx') =>
    downloadBlob(`${channelPath(region, channelId)}/timetable-import/template?format=${format}`),
  changes: (region: string) => callApi<DraftChanges>(`${base(region)}/draft/changes`),
  listReleases: (region: string) =>
    callApi<{ items: Release[] }>(`${base(region)}/releases`).then((answer) => answer.items),
  publish: (region: string, body: { note?: string; publishAt?: string }) =>
    callApi<Release>(`${base(region)}/releases`, { method: 'POST', body }),
  rollback: (region: string, version: number) =>
    callApi<Release>(`${base(region)}/releases/${version}/rollback`, { method: 'POST' }),
  cancel: (region: string, version: number) =>
    callApi<void>(`${base(region)}/releases/${version}`, { method: 'DELETE' }),
};
