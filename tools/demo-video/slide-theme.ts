import type { SubjectId } from './lesson-script.schema.ts';

/** Design tokens of the slides, in pixels of a 1080-line frame (scaled for 4K and 8K). */
export const SLIDE_THEME = {
  background: '0xF7F4EC',
  headerHeight: 120,
  headerText: '0xFFFFFF',
  bodyText: '0x2B2B2B',
  mutedText: '0x77736A',
  progressTrack: '0xE2DED3',
  progressHeight: 14,
  marginX: 96,
  headerFontSize: 44,
  headingFontSize: 80,
  headingLineHeight: 1.25,
  headingY: 200,
  accentBarWidth: 12,
  accentBarGap: 28,
  headingToBullets: 100,
  bulletFontSize: 54,
  bulletIndent: 50,
  bulletDotSize: 14,
  /** Where the dot's centre sits, as a fraction of the font size below the top of the first line. */
  bulletDotCentre: 0.55,
  bulletLineHeight: 1.45,
  bulletGap: 28,
  footerFontSize: 34,
  footerY: 1080 - 90,
} as const;

/** One accent colour per subject: the header band, heading, bullet dots and progress bar. */
export const SUBJECT_ACCENTS: Readonly<Record<SubjectId, string>> = {
  math: '0x1E5AA8',
  chinese: '0xB03A2E',
  english: '0x13807A',
  science: '0x2E7D32',
  art: '0xC0641A',
  music: '0x7B3FA0',
};
