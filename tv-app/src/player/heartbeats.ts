// Heartbeats of one lesson being played by one profile (docs/family.md): every 20 s of playing, and on
// pause, Back, stop, the page hidden and the end; each queued (heartbeat-queue.ts) with its own id.
import type { HeartbeatReason } from '../api/family-types.ts';
import { queueHeartbeat } from './heartbeat-queue.ts';
import { WatchMeter } from './watch-meter.ts';

const TICK_EVERY_S = 20;
const MAX_WATCHED_S = 3_600; // the API's limit per heartbeat

export type HeartbeatSubject = { profileId: string; lessonId: string; durationSeconds: () => number };

function newId(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  // Older boxes: a version 4 UUID from getRandomValues.
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6]! & 0x0f) | 0x40;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** Watches the video; `beat(reason)` for what the page knows (Back, stop). Returns a stop function. */
export function startHeartbeats(video: HTMLVideoElement, subject: HeartbeatSubject) {
  const meter = new WatchMeter();
  let isStopped = false;

  const beat = (reason: HeartbeatReason) => {
    if (isStopped) return;
    const { watchedSeconds, rewoundSeconds } = meter.take();
    const duration = subject.durationSeconds();
    void queueHeartbeat({
      id: newId(),
      profileId: subject.profileId,
      lessonId: subject.lessonId,
      positionSeconds: Math.max(0, Math.min(Math.round(video.currentTime), Math.round(duration) || 86_400)),
      durationSeconds: Math.max(0, Math.round(duration)),
      watchedSeconds: Math.min(watchedSeconds, MAX_WATCHED_S),
      ...(rewoundSeconds > 0 ? { rewoundSeconds } : {}),
      reason,
      at: new Date().toISOString(),
    });
  };

  const onTime = () => {
    meter.observe(video.currentTime, !video.paused && !video.seeking);
    if (meter.isTickDue(TICK_EVERY_S)) beat('tick');
  };
  const onSeeked = () => meter.observe(video.currentTime, false);
  const onPause = () => {
    if (!video.ended) beat('pause');
  };
  const onEnded = () => beat('ended');
  const onVisibility = () => {
    if (document.visibilityState === 'hidden') beat('hidden');
  };
  video.addEventListener('timeupdate', onTime);
  video.addEventListener('seeked', onSeeked);
  video.addEventListener('pause', onPause);
  video.addEventListener('ended', onEnded);
  document.addEventListener('visibilitychange', onVisibility);

  return {
    beat,
    /** A last heartbeat for leaving the player, then no more. */
    stop(reason: HeartbeatReason) {
      meter.observe(video.currentTime, false);
      beat(reason);
      isStopped = true;
      video.removeEventListener('timeupdate', onTime);
      video.removeEventListener('seeked', onSeeked);
      video.removeEventListener('pause', onPause);
      video.removeEventListener('ended', onEnded);
      document.removeEventListener('visibilitychange', onVisibility);
    },
  };
}
