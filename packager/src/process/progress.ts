/** Pure: the encoded position in seconds from one line of `ffmpeg -progress`, if the line carries it. */
export function parseProgressSeconds(line: string): number | undefined {
  const match = /^out_time_us=(\d+)$/.exec(line.trim());
  return match ? Number(match[1]) / 1e6 : undefined;
}

export interface ProgressSnapshot {
  fraction: number;
  etaSeconds: number | undefined;
}

/** Tracks the progress of weighted steps and estimates the time left from the rate so far. */
export class ProgressTracker {
  private readonly weights: Map<string, number>;
  private readonly done = new Map<string, number>();
  private readonly startedAt: number;

  constructor(weights: Record<string, number>, now: () => number = Date.now) {
    this.weights = new Map(Object.entries(weights));
    this.now = now;
    this.startedAt = now();
  }

  private readonly now: () => number;

  /** Records that `step` is `fraction` (0–1) complete. */
  update(step: string, fraction: number): ProgressSnapshot {
    this.done.set(step, Math.min(1, Math.max(0, fraction)));
    return this.snapshot();
  }

  snapshot(): ProgressSnapshot {
    let total = 0;
    let finished = 0;
    for (const [step, weight] of this.weights) {
      total += weight;
      finished += weight * (this.done.get(step) ?? 0);
    }
    const fraction = total > 0 ? finished / total : 1;
    const elapsed = (this.now() - this.startedAt) / 1000;
    const etaSeconds = fraction > 0.01 && fraction < 1 ? (elapsed * (1 - fraction)) / fraction : undefined;
    return { fraction, etaSeconds: fraction >= 1 ? 0 : etaSeconds };
  }
}
