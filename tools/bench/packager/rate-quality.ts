/** One rung of a ladder on the rate–quality plane. */
export interface RatePoint {
  kbps: number;
  ssim: number;
}

/** SSIM in decibels, −10·log10(1 − SSIM): spreads the values near 1 so that interpolating between rungs means something. */
export function ssimDb(ssim: number): number {
  return -10 * Math.log10(Math.max(1e-9, 1 - ssim));
}

/**
 * The bitrate a ladder needs to deliver `ssim`: interpolated between the two rungs around it, linear in
 * log bitrate against SSIM dB (as Bjøntegaard-delta comparisons do), or the cheapest rung if even that one
 * reaches it. Undefined when no rung reaches it. A rung that is dearer than another yet no better is left out:
 * a player never needs it.
 */
export function bitrateForSsim(ladder: readonly RatePoint[], ssim: number): number | undefined {
  const curve = efficientRungs(ladder);
  const target = ssimDb(ssim);
  const upperIndex = curve.findIndex((rung) => ssimDb(rung.ssim) >= target);
  if (upperIndex < 0) return undefined;
  const upper = curve[upperIndex]!;
  const lower = curve[upperIndex - 1];
  if (!lower) return upper.kbps;
  const share = (target - ssimDb(lower.ssim)) / (ssimDb(upper.ssim) - ssimDb(lower.ssim));
  return Math.exp(Math.log(lower.kbps) + share * (Math.log(upper.kbps) - Math.log(lower.kbps)));
}

/** Rungs by bitrate, keeping only those better than every cheaper one. */
function efficientRungs(ladder: readonly RatePoint[]): RatePoint[] {
  const byRate = [...ladder].sort((a, b) => a.kbps - b.kbps);
  const kept: RatePoint[] = [];
  for (const rung of byRate) if (rung.ssim > (kept.at(-1)?.ssim ?? -Infinity)) kept.push(rung);
  return kept;
}
