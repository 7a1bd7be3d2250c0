import { describe, expect, it } from 'vitest';
import { setLocale } from '../../shared/i18n/i18n.ts';
import { stageText } from './stage-text.ts';

describe("a packaging job's stage in words", () => {
  it('names each step under way with its codec family, in the chosen language', () => {
    setLocale('en');
    expect(stageText('encode:h264 + encode:av1')).toBe('Encoding H.264 + Encoding AV1');
    expect(stageText('publish:all')).toBe('Publishing');
    expect(stageText('something-new')).toBe('something-new');
    setLocale('zh-CN');
    expect(stageText('analyse:hevc')).toBe('质量分析 HEVC');
  });
});
