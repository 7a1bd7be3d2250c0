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
  const cheapest = curve[0];
  if (cheapest && ssimDb(cheapest.ssim) >= target) return cheapest.kbps;
  const logKbps = logKbpsAt(curve, target);
  return logKbps === undefined ? undefined : Math.exp(logKbps);
}

/**
 * Bjøntegaard-delta rate: how many more bits `ladder` spends than `reference` on average at equal SSIM, over
 * the range of SSIM both ladders cover (−0.8 = 80% fewer bits). Both rate–quality curves are linear in log
 * bitrate against SSIM dB between rungs (the piecewise variant of VCEG-M33's cubic fit, steadier with few
 * rungs). Undefined when the ranges do not overlap.
 */
export function bdRate(ladder: readonly RatePoint[], reference: readonly RatePoint[]): number | undefined {
  const ours = efficientRungs(ladder);
  const theirs = efficientRungs(reference);
  const low = Math.max(ssimDb(ours[0]?.ssim ?? 1), ssimDb(theirs[0]?.ssim ?? 1));
  const high = Math.min(ssimDb(ours.at(-1)?.ssim ?? 0), ssimDb(theirs.at(-1)?.ssim ?? 0));
  if (!(high > low)) return undefined;
  const steps = 1000;
  let sum = 0;
  for (let i = 0; i < steps; i++) {
    const db = low + ((i + 0.5) / steps) * (high - low);
    sum += logKbpsAt(ours, db)! - logKbpsAt(theirs, db)!;
  }
  return Math.exp(sum / steps) - 1;
}

/** Log bitrate at `db` on a curve of efficient rungs, linear between the rungs around it; undefined outside. */
function logKbpsAt(curve: readonly RatePoint[], db: number): number | undefined {
  const upperIndex = curve.findIndex((rung) => ssimDb(rung.ssim) >= db);
  const upper = curve[upperIndex];
  const lower = curve[upperIndex - 1];
  if (!upper) return undefined;
  if (!lower) return ssimDb(upper.ssim) === db ? Math.log(upper.kbps) : undefined;
  const share = (db - ssimDb(lower.ssim)) / (ssimDb(upper.ssim) - ssimDb(lower.ssim));
  return Math.log(lower.kbps) + share * (Math.log(upper.kbps) - Math.log(lower.kbps));
}

/** Rungs by bitrate, keeping only those better than every cheaper one. */
function efficientRungs(ladder: readonly RatePoint[]): RatePoint[] {
  const byRate = [...ladder].sort((a, b) => a.kbps - b.kbps);
  const kept: RatePoint[] = [];
  for (const rung of byRate) if (rung.ssim > (kept.at(-1)?.ssim ?? -Infinity)) kept.push(rung);
  return kept;
}
