import { describe, expect, it } from 'vitest';
import { wrapCjk } from '../i18n/wrap-cjk.ts';
import { estimateLabelWidth, fitColumnWidth } from './label-width.ts';

describe('label width', () => {
  it('counts Chinese and full-width punctuation a full em, Latin at most 0.6 em, zero-width spaces nothing', () => {
    expect(estimateLabelWidth('小学（五•四学制）', 30)).toBe(270);
    expect(estimateLabelWidth(wrapCjk('小学（五•四学制）'), 30)).toBe(270);
    expect(estimateLabelWidth('Grade 1', 30)).toBe(126);
  });

  it('widens a column to its longest label, never below the minimum or beyond the maximum', () => {
    const options = { min: 240, max: 480, fontSize: 30, inset: 72 };
    expect(fitColumnWidth(['小学', '初中', '高中'], options)).toBe(240);
    expect(fitColumnWidth(['小学', '小学（五•四学制）', '初中（五•四学制）'], options)).toBe(342);
    expect(fitColumnWidth(['Junior secondary school (5-4 system)'], options)).toBe(480);
    expect(fitColumnWidth([], options)).toBe(240);
  });
});
