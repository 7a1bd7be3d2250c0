// Counts what a heartbeat reports from the video's clock: seconds actually played and seconds skipped back
// since the previous heartbeat. A forward jump (seek, tune-in) is neither watched nor rewound.
const MAX_PLAY_STEP_S = 2; // timeupdate fires every ~0.25 s while playing; more is a seek

export class WatchMeter {
  private last: number | undefined;
  private watched = 0;
  private rewound = 0;
  private watchedSinceTick = 0;

  /** Feed the position at each timeupdate/seeked; `isPlaying` is false while paused or seeking. */
  observe(position: number, isPlaying: boolean): void {
    if (this.last !== undefined) {
      const step = position - this.last;
      if (step < 0) this.rewound += -step;
      else if (isPlaying && step <= MAX_PLAY_STEP_S) {
        this.watched += step;
        this.watchedSinceTick += step;
      }
    }
    this.last = position;
  }

  /** Whether `everySeconds` of playing have passed since the last tick (and starts counting again). */
  isTickDue(everySeconds: number): boolean {
    if (this.watchedSinceTick < everySeconds) return false;
    this.watchedSinceTick = 0;
    return true;
  }

  /** The counts since the previous take, rounded to tenths; resets them. */
  take(): { watchedSeconds: number; rewoundSeconds: number } {
    const counts = {
      watchedSeconds: Math.round(this.watched * 10) / 10,
      rewoundSeconds: Math.round(this.rewound * 10) / 10,
    };
    this.watched = 0;
    this.rewound = 0;
    this.watchedSinceTick = 0;
    return counts;
  }
}
