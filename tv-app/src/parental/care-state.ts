// Which care card blocks playback, worked out from the last Usage the server sent and what the box has
// watched since. Pure: the gate feeds it the clock and the watched seconds, so a box that loses the network
// keeps enforcing what it last knew (docs/family.md: server time decides; the box counts down meanwhile).
import type { Controls, Usage } from '../api/family-types.ts';
import { isInsideWindow, localClockTime } from './bedtime.ts';

export type CareCard =
  | { kind: 'none'; remainingSeconds: number | null }
  | { kind: 'break'; secondsLeft: number }
  | { kind: 'quota' }
  | { kind: 'bedtime' };

/** What the box knows: the server's last word, and its own count since then. */
export type CareState = {
  usage: Usage;
  /** The server's clock minus the box's clock when the usage arrived (ms). */
  clockOffsetMs: number;
  /** Seconds played since the usage arrived. */
  watchedSeconds: number;
  /** Seconds played since the last break ended, counted on the box. */
  sinceBreakSeconds: number;
  /** A break the box started itself (server ms), when the count reached the interval between heartbeats. */
  localBreakEndsAt: number | null;
  controls?: Pick<Controls, 'breakEveryMinutes' | 'breakMinutes' | 'bedtime'>;
  timeZone?: string;
};

/**
 * A care state as kept across a restart (state/usage.ts): the state, the server time the box last knew
 * (`serverAt`, ms) and the box's clock then (`boxAt`).
 */
export type StoredCareState = { state: CareState; serverAt: number; boxAt: number };

export function toStored(state: CareState, now: number): StoredCareState {
  return { state, serverAt: now + state.clockOffsetMs, boxAt: now };
}

/**
 * The stored state again in a new run (`now`: that run's clock). The time since it was stored counts by the
 * box's clock, but never below zero: a clock moved back resumes at the server time last known, so a bedtime, a
 * running break or a spent quota it knew still hold (the server's next Usage replaces all of it).
 */
export function fromStored(stored: StoredCareState, now: number): CareState {
  const elapsed = Math.max(0, now - stored.boxAt);
  return { ...stored.state, clockOffsetMs: stored.serverAt + elapsed - now };
}

/** A fresh state from a usage that has just arrived (`now`: the box's clock). */
export function stateFromUsage(
  usage: Usage,
  now: number,
  context: Pick<CareState, 'controls' | 'timeZone'> = {},
): CareState {
  return {
    usage,
    clockOffsetMs: Date.parse(usage.serverTime) - now,
    watchedSeconds: 0,
    sinceBreakSeconds: usage.breakEndsAt ? 0 : usage.secondsSinceBreak,
    localBreakEndsAt: null,
    ...context,
  };
}

function breakEndsAt(state: CareState): number | null {
  if (state.usage.breakEndsAt) return Date.parse(state.usage.breakEndsAt);
  return state.localBreakEndsAt;
}

/** Adds `seconds` of playing; starts a break on the box when the interval is reached. */
export function addWatched(state: CareState, seconds: number, now: number): CareState {
  if (seconds <= 0) return state;
  const serverNow = now + state.clockOffsetMs;
  const next = {
    ...state,
    watchedSeconds: state.watchedSeconds + seconds,
    sinceBreakSeconds: state.sinceBreakSeconds + seconds,
  };
  const every = state.controls?.breakEveryMinutes;
  const running = (breakEndsAt(state) ?? 0) > serverNow;
  if (every && !running && next.sinceBreakSeconds >= every * 60) {
    next.localBreakEndsAt = serverNow + (state.controls?.breakMinutes ?? 5) * 60_000;
    next.sinceBreakSeconds = 0;
  }
  return next;
}

export function isBedtime(state: CareState, now: number): boolean {
  // The window, when known, answers for any time (a box offline all night); else the server's word.
  const window = state.controls?.bedtime;
  if (!window || !state.timeZone) return state.usage.bedtime;
  return isInsideWindow(localClockTime(now + state.clockOffsetMs, state.timeZone), window);
}

export function remainingSeconds(state: CareState): number | null {
  const { remainingSeconds: left } = state.usage;
  return left === null ? null : Math.max(0, left - state.watchedSeconds);
}

/**
 * Once the quota card shows, a usage with a few seconds left (the server counted a little less than the box)
 * does not take it away: the card would flicker, and playback resume for a moment, at every heartbeat.
 */
export const QUOTA_RESUME_MARGIN_SECONDS = 60;

/**
 * The card to show now. Bedtime ends the day, a spent quota ends it too, a break only pauses it.
 * `shown`: the card showing until now (for the quota card's margin).
 */
export function careCard(state: CareState | undefined, now: number, shown?: CareCard['kind']): CareCard {
  if (!state) return { kind: 'none', remainingSeconds: null };
  if (isBedtime(state, now)) return { kind: 'bedtime' };
  const left = remainingSeconds(state);
  const spentAt = shown === 'quota' ? QUOTA_RESUME_MARGIN_SECONDS : 0;
  if (left !== null && left <= spentAt) return { kind: 'quota' };
  const ends = breakEndsAt(state);
  const serverNow = now + state.clockOffsetMs;
  if (ends !== null && ends > serverNow) {
    return { kind: 'break', secondsLeft: Math.ceil((ends - serverNow) / 1000) };
  }
  return { kind: 'none', remainingSeconds: left };
}
