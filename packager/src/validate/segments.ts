import { stat } from 'node:fs/promises';
import path from 'node:path';
import type { MpdRepresentation } from './read-mpd.ts';

export interface SegmentStats {
  count: number;
  minBytes: number;
  maxBytes: number;
  totalBytes: number;
  /** Highest bitrate of any one segment (bits per second over its duration). */
  measuredPeakBps: number;
  measuredAverageBps: number;
}

/** Measures the segments of one representation on disk, following its $Number$ template. */
export async function measureSegments(
  assetDir: string,
  representation: MpdRepresentation,
  durationSeconds: number,
): Promise<SegmentStats> {
  const count = Math.ceil(durationSeconds / representation.segmentSeconds - 1e-6);
  const sizes: number[] = [];
  for (let i = 0; i < count; i++) {
    const name = representation.media.replace('$Number$', String(representation.startNumber + i));
    sizes.push((await stat(path.join(assetDir, name))).size);
  }
  return summariseSegments(sizes, representation.segmentSeconds, durationSeconds);
}

/** Pure: byte sizes of consecutive segments to counts and bitrates (the last segment may be shorter). */
export function summariseSegments(
  sizes: number[],
  segmentSeconds: number,
  durationSeconds: number,
): SegmentStats {
  const totalBytes = sizes.reduce((sum, size) => sum + size, 0);
  const segments = sizes.map((size, i) => {
    const seconds = Math.min(segmentSeconds, durationSeconds - i * segmentSeconds);
    return { seconds, bps: (size * 8) / Math.max(seconds, 1e-3) };
  });
  // A tail segment shorter than half the target is mostly its opening keyframe: its rate says nothing about the
  // stream's peak (a 0.4 s tail of a 1080p rung reads as several times the cap), so it counts only toward the
  // average, unless it is all there is.
  const full = segments.filter((segment) => segment.seconds >= segmentSeconds / 2);
  const rates = (full.length > 0 ? full : segments).map((segment) => segment.bps);
  return {
    count: sizes.length,
    minBytes: sizes.length ? Math.min(...sizes) : 0,
    maxBytes: sizes.length ? Math.max(...sizes) : 0,
    totalBytes,
    measuredPeakBps: rates.length ? Math.round(Math.max(...rates)) : 0,
    measuredAverageBps: durationSeconds > 0 ? Math.round((totalBytes * 8) / durationSeconds) : 0,
  };
}
