// What a box restarted offline still enforces: the care state kept in localStorage (rememberCare) and carried
// to the new run's clock (recallCare), with a clock moved back not winning any time.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { BOX_NOW, SERVER_NOW, usage } from '../parental/usage.fixture.ts';
import { careCard, stateFromUsage, addWatched } from '../parental/care-state.ts';

const CONTROLS = { breakEveryMinutes: 20, breakMinutes: 5, bedtime: { start: '21:00', end: '07:00' } };

/** A fresh run of the app: the module (and its in-memory copy) loaded again over the same localStorage. */
async function restart() {
  vi.resetModules();
  return import('./usage.ts');
}

describe('usage kept across a restart', () => {
  beforeEach(() => {
    const items = new Map<string, string>();
    vi.stubGlobal('localStorage', {
      getItem: (key: string) => items.get(key) ?? null,
      setItem: (key: string, value: string) => void items.set(key, value),
    });
  });

  it('still holds a spent quota, with the seconds watched offline counted, after a restart', async () => {
    const before = await restart();
    let state = stateFromUsage(usage({ remainingSeconds: 60 }), BOX_NOW, { controls: CONTROLS });
    state = addWatched(state, 60, BOX_NOW + 60_000); // watched offline: no usage came back
    before.rememberCare(state, BOX_NOW + 60_000);
    const after = await restart();
    const recalled = after.recallCare('p1', BOX_NOW + 120_000);
    expect(careCard(recalled, BOX_NOW + 120_000)).toEqual({ kind: 'quota' });
    expect(after.recallCare('someone-else', BOX_NOW)).toBeUndefined();
  });

  it('counts a break on by the time since, but a clock moved back does not end it sooner', async () => {
    const ends = new Date(SERVER_NOW + 300_000).toISOString();
    const state = stateFromUsage(usage({ breakEndsAt: ends, allowed: false }), BOX_NOW);
    (await restart()).rememberCare(state, BOX_NOW + 60_000);
    const { recallCare } = await restart();
    // Restarted 2 minutes later by the box's clock: 2 of the 4 minutes left are gone.
    const later = BOX_NOW + 180_000;
    expect(careCard(recallCare('p1', later), later)).toEqual({ kind: 'break', secondsLeft: 120 });
    // Restarted with the clock set back an hour: the break goes on from where it was known (240 s left).
    const movedBack = BOX_NOW - 3_600_000;
    expect(careCard(recallCare('p1', movedBack), movedBack)).toEqual({ kind: 'break', secondsLeft: 240 });
    // …and ends only after its full remaining time by the new clock.
    expect(careCard(recallCare('p1', movedBack), movedBack + 240_000).kind).toBe('none');
  });

  it('keeps bedtime by the household clock last known when the box clock is moved back to the afternoon', async () => {
    const state = stateFromUsage(usage(), BOX_NOW, { controls: CONTROLS, timeZone: 'Asia/Shanghai' });
    const lastKnown = BOX_NOW + 3_900_000; // 21:05 in Shanghai: bedtime
    expect(careCard(state, lastKnown).kind).toBe('bedtime');
    (await restart()).rememberCare(state, lastKnown);
    const { recallCare } = await restart();
    const afternoon = BOX_NOW - 5 * 3_600_000; // the box now says 15:00
    expect(careCard(recallCare('p1', afternoon), afternoon)).toEqual({ kind: 'bedtime' });
    // An honest restart the next morning (07:30 by the box) is past bedtime.
    const morning = BOX_NOW + 11.5 * 3_600_000;
    expect(careCard(recallCare('p1', morning), morning).kind).toBe('none');
  });

  it('forgets nothing when storage holds something else, and ignores a malformed entry', async () => {
    localStorage.setItem('ketang.usage', JSON.stringify({ p1: { state: {}, serverAt: 'x' } }));
    expect((await restart()).recallCare('p1', BOX_NOW)).toBeUndefined();
    localStorage.setItem('ketang.usage', '{not json');
    expect((await restart()).recallCare('p1', BOX_NOW)).toBeUndefined();
  });
});
