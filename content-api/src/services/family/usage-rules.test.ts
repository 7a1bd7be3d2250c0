import { describe, expect, it } from 'vitest';
import type { Controls } from '../../schemas/family.schema.ts';
import { countWatching, emptyUsage, endBreak, toUsage } from './usage-rules.ts';

const controls: Controls = {
  dailyQuotaMinutes: 30,
  breakEveryMinutes: 20,
  breakMinutes: 5,
  bedtime: null,
  allowList: null,
};
const t0 = new Date('2026-03-02T02:00:00Z');
const plus = (seconds: number) => new Date(t0.getTime() + seconds * 1000);

describe('usage rules', () => {
  it('starts a break when the seconds since the last one reach breakEveryMinutes', () => {
    let record = emptyUsage('h', 'p', '2026-03-02');
    for (let tick = 1; tick <= 39; tick += 1) record = countWatching(record, 30, controls, plus(tick * 30));
    expect(record).toMatchObject({ usedSeconds: 1170, secondsSinceBreak: 1170, breakEndsAt: null });
    record = countWatching(record, 30, controls, plus(1200));
    expect(record).toMatchObject({
      usedSeconds: 1200,
      secondsSinceBreak: 0,
      breakEndsAt: plus(1500).toISOString(),
    });
    expect(toUsage(record, controls, 'Asia/Shanghai', plus(1200))).toMatchObject({
      breakDue: true,
      allowed: false,
    });
    expect(toUsage(record, controls, 'Asia/Shanghai', plus(1500))).toMatchObject({
      breakDue: false,
      allowed: true,
    });
  });

  it('counts watching during a break as use, not toward the next break', () => {
    const breaking = { ...emptyUsage('h', 'p', 'd'), breakEndsAt: plus(300).toISOString() };
    expect(countWatching(breaking, 30, controls, plus(30))).toMatchObject({
      usedSeconds: 30,
      secondsSinceBreak: 0,
    });
  });

  it('takes a pause of a break length between watchings as a rest', () => {
    const record = { ...emptyUsage('h', 'p', 'd'), secondsSinceBreak: 900, lastWatchedAt: t0.toISOString() };
    expect(countWatching(record, 30, controls, plus(5 * 60 + 30)).secondsSinceBreak).toBe(30);
    expect(countWatching(record, 30, controls, plus(5 * 60 + 29)).secondsSinceBreak).toBe(930);
  });

  it('spends the quota plus extensions; no quota means no limit', () => {
    const record = { ...emptyUsage('h', 'p', 'd'), usedSeconds: 1800 };
    expect(toUsage(record, controls, 'UTC', t0)).toMatchObject({ remainingSeconds: 0, allowed: false });
    expect(toUsage({ ...record, extraSeconds: 600 }, controls, 'UTC', t0)).toMatchObject({
      quotaSeconds: 2400,
      remainingSeconds: 600,
      allowed: true,
    });
    const open = { ...controls, dailyQuotaMinutes: null };
    expect(toUsage(record, open, 'UTC', t0)).toMatchObject({
      quotaSeconds: null,
      remainingSeconds: null,
      allowed: true,
    });
  });

  it('ends a running break now, and leaves a record without one alone', () => {
    const breaking = { ...emptyUsage('h', 'p', 'd'), breakEndsAt: plus(300).toISOString() };
    expect(endBreak(breaking, t0).breakEndsAt).toBe(t0.toISOString());
    const idle = emptyUsage('h', 'p', 'd');
    expect(endBreak(idle, t0)).toBe(idle);
  });
});
