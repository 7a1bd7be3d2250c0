// Seek and hold-to-scrub: each press moves the target by a step that grows while the key is held,
// and the seek is committed once the keys stop, so a held key previews instead of thrashing the buffer.
export const SEEK_STEP_SECONDS = 10;
const ACCELERATE_AFTER = 3;
const MAX_STEP_SECONDS = 60;

export function scrubStep(repeatCount: number): number {
  if (repeatCount < ACCELERATE_AFTER) return SEEK_STEP_SECONDS;
  return Math.min(
    MAX_STEP_SECONDS,
    SEEK_STEP_SECONDS * 2 ** Math.floor((repeatCount - ACCELERATE_AFTER) / 3 + 1),
  );
}

export function clampTime(seconds: number, duration: number): number {
  const end = Number.isFinite(duration) && duration > 0 ? duration - 0.5 : seconds;
  return Math.max(0, Math.min(end, seconds));
}
