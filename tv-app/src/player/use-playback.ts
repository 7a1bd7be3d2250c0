// The player page's state: loads the lesson, drives the LessonPlayer, reports heartbeats and stats.
import { createSignal, onCleanup } from 'solid-js';
import type { HeartbeatReason } from '../api/family-types.ts';
import { fetchLesson } from '../api/providers/catalog.provider.ts';
import { sendPlaybackEvent } from '../api/providers/family.provider.ts';
import type { LessonDetail, PlaybackStats } from '../api/types.ts';
import { boxLabels } from '../carrier/box-labels.ts';
import { getConfig } from '../config.ts';
import { resolveProfile } from '../state/profile.ts';
import { exposeForTests } from '../state/test-hooks.ts';
import { startHeartbeats } from './heartbeats.ts';
import { createQualityControl } from './quality.ts';
import { resumePosition } from './resume.ts';
import { statsSince } from './stats.ts';
import { parseThumbnailsVtt, type ThumbnailCue } from './thumbnails.ts';
import type { LessonPlayer } from './lesson-player.ts';

const STATS_EVERY_MS = 30_000;
const STALL_FALLBACK_MS = 4_000;

export type PlaybackProblem = {
  kind: 'unplayable' | 'unreachable' | 'error';
  lesson?: LessonDetail;
  detail?: string;
};

export function videoElement(): HTMLVideoElement {
  return document.getElementById('ketang-video') as HTMLVideoElement;
}

/** `startAt`: where to start (a channel's tune-in); undefined resumes where the profile left the lesson. */
export function usePlayback(lessonId: string, startAt: number | undefined) {
  const [lesson, setLesson] = createSignal<LessonDetail>();
  const [player, setPlayer] = createSignal<LessonPlayer>();
  const [problem, setProblem] = createSignal<PlaybackProblem>();
  const [time, setTime] = createSignal(0);
  const [duration, setDuration] = createSignal(0);
  const [isPaused, setPaused] = createSignal(false);
  const [isBuffering, setBuffering] = createSignal(true);
  const [isStalled, setStalled] = createSignal(false);
  const [thumbnails, setThumbnails] = createSignal<ThumbnailCue[]>([]);
  const [qualityHeight, setQualityHeight] = createSignal(0);
  const quality = createQualityControl(player, { get: qualityHeight, set: setQualityHeight });
  const video = videoElement();
  let stallTimer: ReturnType<typeof setTimeout> | undefined;
  let disposed = false;

  const onTime = () => {
    setTime(video.currentTime);
    setDuration(video.duration || lesson()?.durationSeconds || 0);
    setPaused(video.paused);
  };
  ['timeupdate', 'play', 'pause', 'durationchange'].forEach((e) => video.addEventListener(e, onTime));

  let heartbeats: ReturnType<typeof startHeartbeats> | undefined;
  let leaveReason: HeartbeatReason = 'back';

  // Quality events every 30 s while playing and once on leaving, each covering the time since the last.
  let reportedStats: PlaybackStats | undefined;
  const reportStats = () => {
    const current = player()?.stats();
    if (!current) return;
    const stats = statsSince(current, reportedStats);
    reportedStats = current;
    sendPlaybackEvent({ lessonId, kind: 'playback', ...boxLabels(), stats }).catch(() => undefined);
  };
  const statsTimer = setInterval(reportStats, STATS_EVERY_MS);

  // A stall that lasts: say so, and step down a rung (Shaka retries the segment by itself).
  const onBuffering = (buffering: boolean) => {
    setBuffering(buffering);
    clearTimeout(stallTimer);
    setStalled(false);
    if (buffering && video.currentTime > 0) {
      stallTimer = setTimeout(() => {
        setStalled(true);
        quality.stepDown();
      }, STALL_FALLBACK_MS);
    }
  };

  const start = async () => {
    const profile = resolveProfile(false).then((step) => (step.kind === 'ready' ? step.profile : undefined));
    // Without the family API (the profile unknown) the lesson still plays, from the start.
    const from =
      startAt ?? profile.then((known) => (known ? resumePosition(known.id, lessonId) : 0)).catch(() => 0);
    const detail = await fetchLesson(lessonId).catch((error: unknown) => {
      setProblem({ kind: 'unreachable', detail: String(error) });
      return undefined;
    });
    if (!detail || disposed) return;
    setLesson(detail);
    // The API decided what this box plays; without a playback there is nothing to try.
    const playback = detail.playback;
    if (!playback) {
      setProblem({ kind: 'unplayable', lesson: detail });
      return;
    }
    const { LessonPlayer } = await import('./lesson-player.ts');
    if (disposed) return;
    const [watcher, position] = await Promise.all([profile.catch(() => undefined), from]);
    if (disposed) return;
    if (watcher) {
      heartbeats = startHeartbeats(video, {
        profileId: watcher.id,
        lessonId,
        durationSeconds: () => duration() || detail.durationSeconds,
      });
    }
    const instance = await LessonPlayer.create(video, playback);
    if (disposed) return;
    setPlayer(instance);
    exposeForTests('player', instance);
    instance.onBuffering(onBuffering);
    instance.onError((code) => setProblem({ kind: 'error', lesson: detail, detail: code }));
    video.classList.add('playing');
    await instance.load(getConfig().deviceProfile, position).catch((error: unknown) => {
      setProblem({
        kind: 'error',
        lesson: detail,
        detail: error instanceof Error ? error.message : String(error),
      });
    });
    if (playback.type === 'packaged' && playback.thumbnailsUrl) loadThumbnails(playback.thumbnailsUrl);
  };

  const loadThumbnails = (url: string) => {
    const absolute = new URL(url, window.location.href).toString();
    fetch(absolute)
      .then((r) => (r.ok ? r.text() : ''))
      .then((text) => setThumbnails(parseThumbnailsVtt(text, absolute)))
      .catch(() => undefined);
  };

  void start();

  onCleanup(() => {
    disposed = true;
    heartbeats?.stop(leaveReason);
    clearInterval(statsTimer);
    clearTimeout(stallTimer);
    reportStats();
    ['timeupdate', 'play', 'pause', 'durationchange'].forEach((e) => video.removeEventListener(e, onTime));
    void player()?.destroy();
    video.classList.remove('playing');
  });

  /**
   * The viewer leaves (Back, Stop, the next lesson): the last heartbeat goes now, with the position where the
   * key was pressed (the page is torn down a moment later, while the video still plays).
   */
  const leaveBy = (reason: HeartbeatReason) => {
    leaveReason = reason;
    heartbeats?.stop(reason);
  };

  return {
    lesson,
    player,
    problem,
    time,
    duration,
    isPaused,
    isBuffering,
    isStalled,
    thumbnails,
    /** The quality button's state: 0 = automatic, else the pinned height (a stall's step-down included). */
    qualityHeight,
    cycleQuality: quality.cycle,
    video,
    leaveBy,
  };
}
