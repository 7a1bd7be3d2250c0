// Draft channels, their week of slots, the timetable import and releases of a region and carrier (the
// scheduler's API). Every call names its scope; `all` is the region's carrier-wide draft (no `?carrier=`).
import { ApiError } from '../../shared/api/http.ts';
import type { Scope } from '../scope.ts';
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

const base = (scope: Scope) => `/v1/operator/regions/${encodeURIComponent(scope.region)}`;
const channelPath = (scope: Scope, channelId: string) =>
  `${base(scope)}/draft/channels/${encodeURIComponent(channelId)}`;
/** A path with the scope's carrier among its query parameters. */
function scoped(scope: Scope, path: string, query: Record<string, string> = {}): string {
  const params = new URLSearchParams(query);
  if (scope.carrier !== 'all') params.set('carrier', scope.carrier);
  const text = params.toString();
  return text ? `${path}?${text}` : path;
}

export const scheduleApi = {
  listChannels: (scope: Scope) =>
    callApi<{ items: DraftChannel[] }>(scoped(scope, `${base(scope)}/draft/channels`)).then(
      (answer) => answer.items,
    ),
  /** The API lists channels but has no single-channel read: found in the list. */
  getChannel: async (scope: Scope, channelId: string) => {
    const channels = await callApi<{ items: DraftChannel[] }>(scoped(scope, `${base(scope)}/draft/channels`));
    const channel = channels.items.find((item) => item.id === channelId);
    if (!channel) throw new ApiError(404, 'not_found', channelId);
    return channel;
  },
  saveChannel: (scope: Scope, channelId: string, body: DraftChannelBody) =>
    callApi<DraftChannel>(scoped(scope, channelPath(scope, channelId)), { method: 'PUT', body }),
  deleteChannel: (scope: Scope, channelId: string) =>
    callApi<void>(scoped(scope, channelPath(scope, channelId)), { method: 'DELETE' }),
  listSlots: (scope: Scope, channelId: string, from: string, days = 7) =>
    callApi<{ items: DraftSlot[] }>(
      scoped(scope, `${channelPath(scope, channelId)}/slots`, { from, days: String(days) }),
    ).then((answer) => answer.items),
  saveWeek: (scope: Scope, channelId: string, body: SlotWeekBody) =>
    callApi<{ items: DraftSlot[] }>(scoped(scope, `${channelPath(scope, channelId)}/slots`), {
      method: 'PUT',
      body,
    }),
  importTimetable: (scope: Scope, channelId: string, file: File, isDryRun: boolean) =>
    uploadFile<ImportResult>(
      scoped(scope, `${channelPath(scope, channelId)}/timetable-import`, isDryRun ? { dryRun: 'true' } : {}),
      file,
      file.type || (file.name.endsWith('.csv') ? 'text/csv' : 'application/octet-stream'),
    ),
  template: (scope: Scope, channelId: string, format: 'csv' | 'xlsx') =>
    downloadBlob(scoped(scope, `${channelPath(scope, channelId)}/timetable-import/template`, { format })),
  changes: (scope: Scope) => callApi<DraftChanges>(scoped(scope, `${base(scope)}/draft/changes`)),
  listReleases: (scope: Scope) =>
    callApi<{ items: Release[] }>(scoped(scope, `${base(scope)}/releases`)).then((answer) => answer.items),
  publish: (scope: Scope, body: { note?: string; publishAt?: string }) =>
    callApi<Release>(`${base(scope)}/releases`, {
      method: 'POST',
      body: { ...body, carrier: scope.carrier },
    }),
  rollback: (scope: Scope, version: number) =>
    callApi<Release>(scoped(scope, `${base(scope)}/releases/${version}/rollback`), { method: 'POST' }),
  cancel: (scope: Scope, version: number) =>
    callApi<void>(scoped(scope, `${base(scope)}/releases/${version}`), { method: 'DELETE' }),
};
