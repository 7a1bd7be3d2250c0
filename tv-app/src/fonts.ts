import { FONT } from './theme/tokens.ts';

/**
 * Noto Sans CJK SC's vertical metrics (hhea ascender/descender/lineGap, head unitsPerEm), so the canvas
 * text renderer lays lines out as the font does; test/font.test.ts checks them against the installed font.
 */
export const CJK_FONT_METRICS = { ascender: 1160, descender: -288, lineGap: 0, unitsPerEm: 1000 };

// Built by scripts/build-font.ts (a subset of Noto Sans CJK SC): the canvas text renderer draws Chinese.
export const APP_FONTS = [
  { fontFamily: FONT.family, fontUrl: './fonts/ketang-sc.woff2', metrics: CJK_FONT_METRICS, descriptors: {} },
];
