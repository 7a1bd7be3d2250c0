import { execFileSync } from 'node:child_process';
import { appendFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/**
 * A small real clip made with ffmpeg (test pattern, tone): 3 s of 320×240 H.264 + AAC in MP4, a few tens of
 * KB, cheap to package at 144p/240p on a shared machine.
 */
export function makeTinyClip(dir: string, name = 'clip.mp4', seconds = 3): string {
  const file = path.join(dir, name);
  execFileSync(
    process.env.FFMPEG ?? 'ffmpeg',
    [
      ...['-v', 'error', '-y'],
      ...['-f', 'lavfi', '-i', `testsrc2=size=320x240:rate=25:duration=${seconds}`],
      ...['-f', 'lavfi', '-i', `sine=frequency=440:sample_rate=48000:duration=${seconds}`],
      ...['-c:v', 'libx264', '-preset', 'ultrafast', '-pix_fmt', 'yuv420p', '-c:a', 'aac', '-shortest'],
      // The index first: the file stays a readable video whatever follows it (padded below).
      ...['-movflags', '+faststart', file],
    ],
    { stdio: 'ignore' },
  );
  return file;
}

/** A file that is not video at all, with a video's name. */
export function makeNotVideo(dir: string, name = 'notes.mp4'): string {
  const file = path.join(dir, name);
  writeFileSync(file, '这不是视频 — this is a lesson plan, not a video.\n'.repeat(200));
  return file;
}

/**
 * The tiny clip followed by `paddingBytes` of zeros: still a readable video (its index comes first), but large
 * enough to take several upload chunks, without encoding more.
 */
export function makePaddedClip(dir: string, name: string, paddingBytes: number): string {
  const file = makeTinyClip(dir, name);
  appendFileSync(file, Buffer.alloc(paddingBytes));
  return file;
}
