import { getCarrierJson } from '../client.ts';
import type { ChannelItem, ChannelList, ChannelNow, Timetable } from '../types.ts';
import { cached } from './cache.ts';

const CHANNELS_TTL_MS = 30_000;

export function fetchChannels(): Promise<ChannelItem[]> {
  return cached('channels', () => getCarrierJson<ChannelList>('/v1/channels'), CHANNELS_TTL_MS).then(
    (body) => body.items,
  );
}

export function fetchTimetable(channelId: string): Promise<Timetable> {
  const path = `/v1/channels/${encodeURIComponent(channelId)}/timetable`;
  return cached(`timetable:${channelId}`, () => getCarrierJson<Timetable>(path), CHANNELS_TTL_MS);
}

/** Not cached: the position on air changes every second. */
export function fetchChannelNow(channelId: string): Promise<ChannelNow> {
  return getCarrierJson<ChannelNow>(`/v1/channels/${encodeURIComponent(channelId)}/now`);
}
