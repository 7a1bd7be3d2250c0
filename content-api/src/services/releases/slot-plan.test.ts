import { describe, expect, it } from 'vitest';
import { planDraftSlots, type SlotsChange } from './slot-plan.ts';

const DURATIONS: Record<string, number> = { short: 600, long: 3600, empty: 0 };
const plan = (change: SlotsChange, timeZone = 'Asia/Shanghai', keptBefore = []) =>
  planDraftSlots({ change, channelId: 'ch', timeZone, durationOf: (id) => DURATIONS[id], keptBefore });

describe('planDraftSlots', () => {
  it('writes every day of the range, empty ones too, and slot ids from channel and start', () => {
    const result = plan({
      from: '2026-12-07',
      days: 2,
      slots: [{ start: '2026-12-07T08:00:00+08:00', lessonId: 'short' }],
    });
    expect(result).toEqual({
      days: [
        {
          channelId: 'ch',
          date: '2026-12-07',
          slots: [
            {
              id: 'ch.20261207T0000',
              lessonId: 'short',
              start: '2026-12-07T00:00:00.000Z',
              end: '2026-12-07T00:10:00.000Z',
            },
          ],
        },
        { channelId: 'ch', date: '2026-12-08', slots: [] },
      ],
    });
  });

  it('keeps 08:00 at 08:00 when a repeat crosses a daylight-saving change', () => {
    const result = plan(
      {
        from: '2026-03-02',
        days: 1,
        slots: [{ start: '2026-03-02T08:00:00+01:00', lessonId: 'short' }],
        repeat: { weekdays: [1], until: '2026-04-06' },
      },
      'Europe/Berlin',
    );
    if (!('days' in result)) throw new Error(JSON.stringify(result));
    const starts = result.days.map((day) => day.slots[0]?.start);
    expect(starts.at(0)).toBe('2026-03-02T07:00:00.000Z');
    expect(starts.at(-1)).toBe('2026-04-06T06:00:00.000Z'); // CEST: 08:00 local is 06:00 UTC
    expect(result.days).toHaveLength(6);
  });

  it('names a lesson without duration, a repeat too far, and a slot overlapping one kept the day before', () => {
    const result = plan(
      {
        from: '2026-12-07',
        days: 1,
        slots: [
          { start: '2026-12-07T00:10:00+08:00', lessonId: 'short' },
          { start: '2026-12-07T09:00:00+08:00', lessonId: 'empty' },
        ],
        repeat: { weekdays: [1], until: '2028-02-01' },
      },
      'Asia/Shanghai',
      [
        { id: 'late', lessonId: 'long', start: '2026-12-06T15:30:00.000Z', end: '2026-12-06T16:30:00.000Z' },
      ] as never,
    );
    expect(result).toEqual({
      problems: [
        { path: 'body.repeat.until', message: 'at most 400 days after from' },
        {
          path: 'body.slots.0.start',
          message: 'overlaps the slot kept the day before (23:30–00:30)',
          index: 0,
        },
        { path: 'body.slots.1.end', message: 'the lesson has no duration: give the slot an end', index: 1 },
      ],
    });
  });
});
