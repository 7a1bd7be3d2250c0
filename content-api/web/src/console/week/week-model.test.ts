import { describe, expect, it } from 'vitest';
import {
  deleteSlot,
  laneOf,
  moveSlot,
  placeLesson,
  problemsBySlot,
  repeatDay,
  toWeekBody,
} from './week-model.ts';
import { fromWallTime, mondayOf, toWallTime, weekDates } from './wall-time.ts';

const lesson = { id: 'l1', title: { zh: '数学' }, durationSeconds: 20 * 60 + 5, playable: true };

describe('the week builder model', () => {
  it('reads and writes wall times in the channel zone', () => {
    expect(fromWallTime({ date: '2026-12-07', minutes: 8 * 60 }, 'Asia/Shanghai')).toBe(
      '2026-12-07T08:00:00+08:00',
    );
    expect(toWallTime('2026-12-07T00:30:00Z', 'Asia/Shanghai')).toEqual({ date: '2026-12-07', minutes: 510 });
    expect(mondayOf('2026-12-06')).toBe('2026-11-30');
    expect(weekDates('2026-11-30')).toHaveLength(7);
  });

  it('places a lesson for its duration, moves it keeping the length, deletes it', () => {
    const placed = placeLesson([], '2026-12-07', 480, lesson);
    expect(placed[0]).toMatchObject({ start: 480, end: 501, lessonId: 'l1' });
    const moved = moveSlot(placed, placed[0]!.key, '2026-12-08', 540);
    expect(moved[0]).toMatchObject({ date: '2026-12-08', start: 540, end: 561 });
    expect(deleteSlot(moved, placed[0]!.key)).toEqual([]);
  });

  it('repeats a day on other weekdays, replacing what they had', () => {
    let slots = placeLesson([], '2026-12-07', 480, lesson);
    slots = placeLesson(slots, '2026-12-08', 600, lesson);
    const repeated = repeatDay(slots, '2026-12-07', ['2026-12-08', '2026-12-09']);
    expect(repeated.map((slot) => `${slot.date} ${slot.start}`)).toEqual([
      '2026-12-07 480',
      '2026-12-08 480',
      '2026-12-09 480',
    ]);
  });

  it('writes the PUT body in order and maps body.slots.N problems back to the slot', () => {
    let slots = placeLesson([], '2026-12-08', 600, lesson);
    slots = placeLesson(slots, '2026-12-07', 480, { ...lesson, id: 'l2' });
    const { body, keys } = toWeekBody(slots, '2026-12-07', 'Asia/Shanghai');
    expect(body.slots.map((slot) => slot.lessonId)).toEqual(['l2', 'l1']);
    const problems = problemsBySlot([{ path: 'body.slots.1.lessonId', message: 'unknown lesson' }], keys);
    expect(problems.get(keys[1]!)).toEqual(['unknown lesson']);
  });

  it('puts overlapping slots of a day side by side', () => {
    let slots = placeLesson([], '2026-12-07', 480, lesson);
    slots = placeLesson(slots, '2026-12-07', 490, lesson);
    slots = placeLesson(slots, '2026-12-07', 600, lesson);
    const lanes = slots.map((slot) => laneOf(slots).get(slot.key)?.lane);
    expect(lanes).toEqual([0, 1, 0]);
  });
});
