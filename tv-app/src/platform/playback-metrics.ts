// Playback events out to the platform's metrics, read off the app's one <video> (#ketang-video) from the
// document in the capture phase (media events do not bubble), so the player code needs no platform calls.
import type { Platform, PlaybackMetric } from './types.ts';

const PROGRESS_EVERY_S = 30;
const EVENTS = ['loadstart', 'play', 'pause', 'waiting', 'ended', 'timeupdate', 'error'] as const;

/** The lesson on screen: the player's route is `#/play/<id>`. */
function lessonOnScreen(): string | undefined {
  return /^#\/play\/([^?/]+)/.exec(window.location.hash)?.[1];
}

export function reportPlayback(platform: Platform): () => void {
  let lastProgress = -Infinity;
  const onEvent = (event: Event) => {
    const video = event.target as HTMLVideoElement;
    const lessonId = lessonOnScreen();
    if (video.id !== 'ketang-video' || !lessonId) return;
    let metric: PlaybackMetric | undefined;
    if (event.type === 'loadstart') {
      lastProgress = -Infinity;
      metric = { type: 'start', lessonId };
    } else if (event.type === 'timeupdate') {
      if (Math.abs(video.currentTime - lastProgress) < PROGRESS_EVERY_S) return;
      lastProgress = video.currentTime;
      metric = { type: 'progress', lessonId, positionSeconds: Math.round(video.currentTime) };
    } else if (event.type === 'error') {
      metric = {
        type: 'error',
        lessonId,
        code: String(video.error?.code ?? 0),
        message: video.error?.message ?? '',
      };
    } else {
      metric = { type: event.type as 'play' | 'pause' | 'waiting' | 'ended', lessonId };
    }
    platform.sendMetric(metric);
  };
  for (const type of EVENTS) document.addEventListener(type, onEvent, true);
  return () => EVENTS.forEach((type) => document.removeEventListener(type, onEvent, true));
}
