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
  const rates = sizes.map((size, i) => {
    const seconds = Math.min(segmentSeconds, durationSeconds - i * segmentSeconds);
    // A very short tail segment says little about the peak rate: rate it over at least one second.
    return (size * 8) / Math.max(seconds, Math.min(1, segmentSeconds));
  });
  return {
    count: sizes.length,
    minBytes: sizes.length ? Math.min(...sizes) : 0,
    maxBytes: sizes.length ? Math.max(...sizes) : 0,
    totalBytes,
    measuredPeakBps: rates.length ? Math.round(Math.max(...rates)) : 0,
    measuredAverageBps: durationSeconds > 0 ? Math.round((totalBytes * 8) / durationSeconds) : 0,
  };
}
