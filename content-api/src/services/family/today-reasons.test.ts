import { describe, expect, it } from 'vitest';
import { todayFacets } from '../../../test/fixtures/today-catalogue.ts';
import { formatPosition, todayReasonText } from './today-reasons.ts';

describe('todayReasonText', () => {
  it('says each reason in Chinese and English, with the subject’s name and numbers filled in', () => {
    const text = (reason: Parameters<typeof todayReasonText>[0]) => todayReasonText(reason, todayFacets);
    expect(text({ code: 'this-week', week: 3, subjectId: 'math' })).toEqual({
      zh: '本周第3周·数学',
      en: 'This week (week 3) · Mathematics',
    });
    expect(text({ code: 'continue', positionSeconds: 725 })).toEqual({
      zh: '上次看到12:05',
      en: 'Stopped at 12:05',
    });
    expect(text({ code: 'catch-up', daysAgo: 0 }).zh).toBe('今天错过的直播课');
    expect(text({ code: 'catch-up', daysAgo: 1 }).en).toBe('Missed on air yesterday');
    expect(text({ code: 'catch-up', daysAgo: 4 })).toEqual({
      zh: '4天前错过的直播课',
      en: 'Missed on air 4 days ago',
    });
    expect(text({ code: 'weak-subject', subjectId: 'chinese', weakness: 'abandoned' }).zh).toBe(
      '语文有课没看完，先补上',
    );
    // A subject the catalogue no longer names shows its id rather than nothing.
    expect(text({ code: 'next-in-subject', subjectId: 'art' }).zh).toBe('art·接着学下一课');
  });

  it('writes positions as m:ss, and h:mm:ss from an hour on', () => {
    expect(formatPosition(5)).toBe('0:05');
    expect(formatPosition(3_725.9)).toBe('1:02:05');
  });
});
