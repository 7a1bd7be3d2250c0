import { describe, expect, it } from 'vitest';
import { zonedDate, zonedDayBounds, zoneOffsetMinutes } from './time-zone.ts';

describe('time zones of channel timetables', () => {
  it('knows China is UTC+8 and a day there starts at 16:00 UTC the day before', () => {
    expect(zoneOffsetMinutes('Asia/Shanghai', new Date('2026-11-23T12:00:00Z'))).toBe(480);
    const { start, end } = zonedDayBounds('2026-11-23', 'Asia/Shanghai');
    expect(start.toISOString()).toBe('2026-11-22T16:00:00.000Z');
    expect(end.toISOString()).toBe('2026-11-23T16:00:00.000Z');
  });

  it('dates an instant in the zone, not in UTC', () => {
    expect(zonedDate('Asia/Shanghai', new Date('2026-11-23T17:30:00Z'))).toBe('2026-11-24');
    expect(zonedDate('UTC', new Date('2026-11-23T17:30:00Z'))).toBe('2026-11-23');
  });

  it('reads each instant afresh with the formatter it keeps per zone (summer and winter time)', () => {
    expect(zoneOffsetMinutes('America/New_York', new Date('2026-07-01T12:00:00Z'))).toBe(-240);
    expect(zoneOffsetMinutes('America/New_York', new Date('2026-12-01T12:00:00Z'))).toBe(-300);
    expect(zonedDate('America/New_York', new Date('2026-12-01T03:00:00Z'))).toBe('2026-11-30');
    expect(zonedDate('Asia/Shanghai', new Date('2026-12-01T03:00:00Z'))).toBe('2026-12-01');
    expect(() => zonedDate('Not/AZone', new Date())).toThrow(RangeError);
  });

  it('answers from the second it was asked in, and afresh in the next (midnight, a summer-time change)', () => {
    const beforeMidnight = new Date('2026-12-06T15:59:59.999Z');
    expect(zonedDate('Asia/Shanghai', beforeMidnight)).toBe('2026-12-06');
    expect(zonedDate('Asia/Shanghai', new Date('2026-12-06T15:59:59.001Z'))).toBe('2026-12-06');
    expect(zonedDate('Asia/Shanghai', new Date('2026-12-06T16:00:00.000Z'))).toBe('2026-12-07');
    expect(zonedDate('UTC', beforeMidnight)).toBe('2026-12-06');
    // New York moves its clocks at 2026-03-08T07:00:00Z.
    expect(zoneOffsetMinutes('America/New_York', new Date('2026-03-08T06:59:59.500Z'))).toBe(-300);
    expect(zoneOffsetMinutes('America/New_York', new Date('2026-03-08T07:00:00.000Z'))).toBe(-240);
    expect(() => zonedDate('Asia/Shanghai', new Date(Number.NaN))).toThrow(RangeError);
  });
});
