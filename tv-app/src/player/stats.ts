// Shaka's statistics → the API's playback quality event.
import type { PlaybackStats } from '../api/types.ts';
import type { CodecFamily } from '../config.ts';

export type ShakaStatsLike = {
  loadLatency: number;
  stallsDetected: number;
  droppedFrames: number;
  decodedFrames: number;
  estimatedBandwidth: number;
  height: number;
  switchHistory: { type: string }[];
  bufferingTime: number;
  /** Seconds spent playing (not buffering, not paused). */
  playTime: number;
  /** The bandwidth the current variant's manifest declares, bits per second (NaN before one is chosen). */
  streamBandwidth: number;
};

const finite = (n: number) => (Number.isFinite(n) ? n : undefined);

export function toPlaybackStats(
  stats: ShakaStatsLike,
  codecFamily: CodecFamily | undefined,
  timeToFirstFrameMs: number | undefined,
): PlaybackStats {
  const result: PlaybackStats = {
    stalls: finite(stats.stallsDetected),
    stallSeconds: finite(stats.bufferingTime),
    playSeconds: finite(Math.round(stats.playTime * 10) / 10),
    bitrate: stats.streamBandwidth > 0 ? finite(Math.round(stats.streamBandwidth)) : undefined,
    droppedFrames: finite(stats.droppedFrames),
    decodedFrames: finite(stats.decodedFrames),
    estimatedBandwidth: finite(Math.round(stats.estimatedBandwidth)),
    switches: stats.switchHistory.filter((entry) => entry.type === 'variant').length,
    height: finite(stats.height),
    timeToFirstFrameMs: timeToFirstFrameMs ?? finite(Math.round(stats.loadLatency * 1000)),
    ...(codecFamily ? { codecFamily } : {}),
  };
  return Object.fromEntries(Object.entries(result).filter(([, v]) => v !== undefined)) as PlaybackStats;
}

const COUNTERS = [
  'stalls',
  'stallSeconds',
  'playSeconds',
  'droppedFrames',
  'decodedFrames',
  'switches',
] as const;

/**
 * The part of a session's cumulative stats since the last report, so periodic events add up: counters as
 * differences, gauges (bandwidths, height, codec) as they are now, time to first frame only once.
 */
export function statsSince(current: PlaybackStats, reported: PlaybackStats | undefined): PlaybackStats {
  if (!reported) return current;
  const result: PlaybackStats = { ...current };
  delete result.timeToFirstFrameMs;
  for (const counter of COUNTERS) {
    const now = current[counter];
    if (now !== undefined) result[counter] = Math.max(0, now - (reported[counter] ?? 0));
  }
  return result;
}
