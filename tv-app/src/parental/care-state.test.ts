import { describe, expect, it } from 'vitest';
import { addWatched, careCard, stateFromUsage } from './care-state.ts';
import { BOX_NOW, SERVER_NOW, usage } from './usage.fixture.ts';

const CONTROLS = { breakEveryMinutes: 20, breakMinutes: 5, bedtime: { start: '21:00', end: '07:00' } };

describe('care state', () => {
  it('shows nothing while quota remains, and counts the remainder down by what was watched', () => {
    let state = stateFromUsage(usage(), BOX_NOW);
    expect(careCard(state, BOX_NOW)).toEqual({ kind: 'none', remainingSeconds: 1200 });
    state = addWatched(state, 200, BOX_NOW + 200_000);
    expect(careCard(state, BOX_NOW + 200_000)).toEqual({ kind: 'none', remainingSeconds: 1000 });
  });

  it('blocks with the quota card once the last known remainder is watched, offline too', () => {
    let state = stateFromUsage(usage({ remainingSeconds: 5 }), BOX_NOW);
    state = addWatched(state, 3, BOX_NOW + 3000);
    expect(careCard(state, BOX_NOW + 3000).kind).toBe('none');
    state = addWatched(state, 2, BOX_NOW + 5000);
    expect(careCard(state, BOX_NOW + 5000)).toEqual({ kind: 'quota' });
  });

  it('counts a running break down by server time, whatever the box clock says', () => {
    const ends = new Date(SERVER_NOW + 300_000).toISOString();
    const state = stateFromUsage(usage({ breakEndsAt: ends, allowed: false }), BOX_NOW);
    expect(careCard(state, BOX_NOW)).toEqual({ kind: 'break', secondsLeft: 300 });
    expect(careCard(state, BOX_NOW + 299_500)).toEqual({ kind: 'break', secondsLeft: 1 });
    expect(careCard(state, BOX_NOW + 300_000).kind).toBe('none');
  });

  it('starts a break on the box when the interval is reached between heartbeats', () => {
    let state = stateFromUsage(usage({ secondsSinceBreak: 1190 }), BOX_NOW, { controls: CONTROLS });
    state = addWatched(state, 9, BOX_NOW + 9000);
    expect(careCard(state, BOX_NOW + 9000).kind).toBe('none');
    state = addWatched(state, 1, BOX_NOW + 10_000);
    expect(careCard(state, BOX_NOW + 10_000)).toEqual({ kind: 'break', secondsLeft: 300 });
    // Time passes without playing (the card holds playback): the break ends, the count starts again.
    expect(careCard(state, BOX_NOW + 310_000).kind).toBe('none');
    expect(state.sinceBreakSeconds).toBe(0);
  });

  it('tells bedtime from the window in the household time zone when it knows the window', () => {
    const state = stateFromUsage(usage(), BOX_NOW, { controls: CONTROLS, timeZone: 'Asia/Shanghai' });
    expect(careCard(state, BOX_NOW).kind).toBe('none'); // 20:00
    expect(careCard(state, BOX_NOW + 3_600_000)).toEqual({ kind: 'bedtime' }); // 21:00
    expect(careCard(state, BOX_NOW + 11 * 3_600_000).kind).toBe('none'); // 07:00
  });

  it("takes the server's bedtime flag when the window is unknown", () => {
    expect(careCard(stateFromUsage(usage({ bedtime: true }), BOX_NOW), BOX_NOW)).toEqual({ kind: 'bedtime' });
  });

  it('puts bedtime before a spent quota, and a spent quota before a break', () => {
    const ends = new Date(SERVER_NOW + 60_000).toISOString();
    const spent = usage({ remainingSeconds: 0, breakEndsAt: ends });
    expect(careCard(stateFromUsage(spent, BOX_NOW), BOX_NOW).kind).toBe('quota');
    expect(careCard(stateFromUsage({ ...spent, bedtime: true }, BOX_NOW), BOX_NOW).kind).toBe('bedtime');
  });

  it('has no card and no remainder without a quota', () => {
    const state = stateFromUsage(usage({ quotaSeconds: null, remainingSeconds: null }), BOX_NOW);
    expect(careCard(addWatched(state, 5000, BOX_NOW), BOX_NOW)).toEqual({
      kind: 'none',
      remainingSeconds: null,
    });
    expect(careCard(undefined, BOX_NOW).kind).toBe('none');
  });
});

describe('care state, bedtime without a window', () => {
  it("follows the server's flag when the profile has no bedtime window", () => {
    const noWindow = { ...CONTROLS, bedtime: null };
    const asleep = stateFromUsage(usage({ bedtime: true }), BOX_NOW, {
      controls: noWindow,
      timeZone: 'Asia/Shanghai',
    });
    expect(careCard(asleep, BOX_NOW)).toEqual({ kind: 'bedtime' });
    const awake = stateFromUsage(usage(), BOX_NOW, { controls: noWindow, timeZone: 'Asia/Shanghai' });
    expect(careCard(awake, BOX_NOW + 3_600_000).kind).toBe('none');
  });
});

describe('care state, the quota card once shown', () => {
  it('stays while a new usage leaves less than the margin, and goes with an extension', () => {
    const nearlySpent = stateFromUsage(usage({ remainingSeconds: 2 }), BOX_NOW);
    expect(careCard(nearlySpent, BOX_NOW).kind).toBe('none');
    expect(careCard(nearlySpent, BOX_NOW, 'quota').kind).toBe('quota');
    const extended = stateFromUsage(usage({ remainingSeconds: 902 }), BOX_NOW);
    expect(careCard(extended, BOX_NOW, 'quota')).toEqual({ kind: 'none', remainingSeconds: 902 });
  });
});
