// What the box writes: viewing progress and playback quality events. Best effort: a failure is
// reported to the caller, never retried in a loop.
import { getJson, sendJson } from '../client.ts';
import type { EventAccepted, PlaybackEvent, Progress, ProgressList } from '../types.ts';

export function saveProgress(
  deviceId: string,
  lessonId: string,
  positionSeconds: number,
  durationSeconds: number,
): Promise<Progress> {
  const path = `/v1/devices/${encodeURIComponent(deviceId)}/progress/${encodeURIComponent(lessonId)}`;
  return sendJson<Progress>('PUT', path, {
    positionSeconds: Math.max(0, Math.round(positionSeconds)),
    durationSeconds: Math.max(0, Math.round(durationSeconds)),
  });
}

export function fetchProgress(deviceId: string): Promise<ProgressList['items']> {
  return getJson<ProgressList>(`/v1/devices/${encodeURIComponent(deviceId)}/progress`).then(
    (body) => body.items,
  );
}

export function sendPlaybackEvent(event: PlaybackEvent): Promise<EventAccepted> {
  return sendJson<EventAccepted>('POST', '/v1/events', event);
}
