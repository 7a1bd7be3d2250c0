import { describe, expect, it } from 'vitest';
import webvttParser from 'webvtt-parser';
import { formatVttTimestamp, formatWebVtt } from './webvtt.ts';

describe('formatVttTimestamp', () => {
  it('writes hours, minutes, seconds and milliseconds', () => {
    expect(formatVttTimestamp(0)).toBe('00:00:00.000');
    expect(formatVttTimestamp(3723.4567)).toBe('01:02:03.457');
  });
});

describe('formatWebVtt', () => {
  const cues = [
    { startSeconds: 0.6, endSeconds: 6.448, text: '床前明月光，疑是地上霜。举头望明月，低头思故乡。' },
    { startSeconds: 7.96, endSeconds: 9.5, text: 'Tom & Jerry <3' },
  ];

  it('produces a document the W3C WebVTT parser accepts without errors', () => {
    const parsed = new webvttParser.WebVTTParser().parse(formatWebVtt(cues), 'subtitles');
    expect(parsed.errors).toEqual([]);
    expect(parsed.cues.map((cue) => [cue.startTime, cue.endTime])).toEqual([
      [0.6, 6.448],
      [7.96, 9.5],
    ]);
  });

  it('wraps long captions into two lines and escapes markup characters', () => {
    const text = formatWebVtt(cues);
    expect(text).toContain('床前明月光，疑是地上霜。\n举头望明月，低头思故乡。');
    expect(text).toContain('Tom &amp; Jerry &lt;3');
    expect(text.startsWith('WEBVTT\n\n1\n00:00:00.600 --> 00:00:06.448\n')).toBe(true);
  });
});
