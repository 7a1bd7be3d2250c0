import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { InvalidRequestError } from '../../errors.ts';
import { findRepoRoot } from '../../config/repo-root.ts';
import { createLessonLookup } from './lesson-lookup.ts';
import { toRowProblems } from './map-draft-problems.ts';
import { parseTimetable } from './parse-timetable.ts';

type DemoVideo = { id: string; title: { zh: string; en: string } };

describe('the sample timetable a bureau can copy (tools/demo/timetables)', () => {
  it("imports against the demo's grade-1 lessons, without problems or gaps beyond the breaks", async () => {
    const manifest = JSON.parse(
      readFileSync(path.join(findRepoRoot(), 'tools/demo-video/lessons.json'), 'utf8'),
    );
    const lessons = (manifest.lessons as DemoVideo[]).map((video) => ({
      ...video,
      durationSeconds: 20 * 60,
    }));
    const bytes = readFileSync(path.join(findRepoRoot(), 'tools/demo/timetables/grade-1-week.csv'));
    const parsed = await parseTimetable(bytes, 'csv', {
      lessons: createLessonLookup(lessons),
      channelNames: ['demo-channel'],
      maxDays: 62,
    });
    expect(parsed).toMatchObject({ isValid: true, from: '2026-09-01', days: 2 });
    if (parsed.isValid) expect(parsed.slots).toHaveLength(8);
  });
});

describe("the draft's own refusal, told by row", () => {
  it('maps each slot index back to the row it came from', () => {
    const slots = [9, 4].map((row) => ({
      row,
      date: '2026-09-01',
      startSeconds: 0,
      endSeconds: 60,
      lessonId: 'x',
    }));
    const refused = new InvalidRequestError('the timetable has 2 problem(s); nothing was changed', [
      {
        path: 'body.slots.1.start',
        message: 'overlaps the slot kept the day before (23:30–00:30)',
        index: 1,
      },
      { path: 'body.slots.0.lessonId', message: 'unknown lesson "x"' },
    ] as never);
    expect(toRowProblems(refused, slots)).toEqual([
      expect.objectContaining({ row: 4, column: 'start', code: 'rejected' }),
      expect.objectContaining({
        row: 9,
        column: 'lessonId',
        code: 'rejected',
        message: 'unknown lesson "x"',
      }),
    ]);
    expect(toRowProblems(new Error('boom'), slots)).toBeUndefined();
  });
});
