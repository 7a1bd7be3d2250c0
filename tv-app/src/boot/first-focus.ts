// Work the first focused frame does not need waits for it (or for a bound, should no home be focused: a box
// that first shows the profile or activation screen): the prefetch schedule's chunk, for one.
// On a slow box every script fetched and parsed before the home is time the family watches the boot screen.
const FALLBACK_MS = 10_000;

let markFocused: () => void = () => undefined;
const focused = new Promise<void>((resolve) => {
  markFocused = resolve;
});

/** Home calls it once a tile has focus. */
export function markFirstFocus(): void {
  markFocused();
}

/** Runs `work` in a task after the first focused frame, or after FALLBACK_MS at the latest. */
export function afterFirstFocus(work: () => void): void {
  const timer = setTimeout(markFocused, FALLBACK_MS);
  void focused.then(() => {
    clearTimeout(timer);
    setTimeout(work, 0);
  });
}
