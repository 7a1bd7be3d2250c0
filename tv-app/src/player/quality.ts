// The quality button's one state (0 = automatic, else the pinned rung's height) and the player's pinned rung,
// changed together: by the button, and by a stall stepping down a rung. Before, the stall pinned a lower rung
// behind the button's back and the button still said 自动.

/** What the quality control needs of the player. */
export type QualityTarget = {
  heights(): number[];
  /** The height now playing (0 before anything plays). */
  activeHeight(): number;
  /** 0 = automatic (ABR); otherwise pin the rung of that height. */
  selectHeight(height: number): void;
};

export type QualityState = { get(): number; set(height: number): void };

export function createQualityControl(target: () => QualityTarget | undefined, state: QualityState) {
  const select = (player: QualityTarget, height: number) => {
    player.selectHeight(height);
    state.set(height);
  };
  return {
    /** The button: automatic, then each rung from the lowest, then automatic again. */
    cycle(): void {
      const player = target();
      if (!player) return;
      const choices = [0, ...player.heights()];
      select(player, choices[(choices.indexOf(state.get()) + 1) % choices.length]!);
    },
    /** After a stall: the next rung below the one playing, pinned. False at the bottom. */
    stepDown(): boolean {
      const player = target();
      if (!player) return false;
      const current = player.activeHeight();
      const lower = player
        .heights()
        .filter((height) => height < current)
        .pop();
      if (lower === undefined) return false;
      select(player, lower);
      return true;
    },
  };
}
