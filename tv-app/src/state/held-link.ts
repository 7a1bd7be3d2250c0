// A deep link that arrives before anyone is watching (a launch on a box without a profile, or before the
// family has picked one) is held here, not lost: Home opens it once a profile is chosen or created.
let held: string | undefined;

/** Opens the route now when a profile is watching; otherwise holds it (the newest link wins). */
export function openOrHold(route: string, isWatching: boolean, open: (route: string) => void): void {
  if (isWatching) {
    held = undefined;
    open(route);
  } else held = route;
}

/** The held route, once: Home takes it when its profile is ready. */
export function takeHeldLink(): string | undefined {
  const route = held;
  held = undefined;
  return route;
}
