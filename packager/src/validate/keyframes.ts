import { runProcess } from '../process/spawn.ts';

/** Keyframe times (seconds) of the first video stream of an encoded file, read with ffprobe. */
export async function readKeyframeTimes(ffprobe: string, file: string): Promise<number[]> {
  const args = [
    '-v',
    'error',
    '-select_streams',
    'v:0',
    '-show_entries',
    'packet=pts_time,flags',
    '-of',
    'csv=p=0',
    file,
  ];
  const { stdout } = await runProcess(ffprobe, args, { stage: 'validate:keyframes' });
  return parseKeyframeCsv(stdout);
}

/** Pure: `pts_time,flags` CSV lines to the sorted times of keyframe packets. */
export function parseKeyframeCsv(csv: string): number[] {
  return csv
    .split('\n')
    .map((line) => line.trim().split(','))
    .filter(([time, flags]) => time && flags?.includes('K'))
    .map(([time]) => Number(time))
    .sort((a, b) => a - b);
}

/**
 * Pure: the grid points (multiples of `gridSeconds` before the end) that have no keyframe within half a frame.
 * An empty result means every rendition can be cut at the same instants.
 */
export function findMissingGridKeyframes(
  keyframes: number[],
  gridSeconds: number,
  durationSeconds: number,
  frameRate: number,
): number[] {
  const tolerance = 0.5 / frameRate + 1e-3;
  const missing: number[] = [];
  for (let t = 0; t < durationSeconds - tolerance; t += gridSeconds) {
    if (!keyframes.some((k) => Math.abs(k - t) <= tolerance)) missing.push(Number(t.toFixed(3)));
  }
  return missing;
}
