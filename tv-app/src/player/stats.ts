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
