import { FONT } from './theme/tokens.ts';

// Built by scripts/build-font.ts (a subset of Noto Sans CJK SC): the canvas text renderer draws Chinese.
export const APP_FONTS = [{ fontFamily: FONT.family, fontUrl: './fonts/ketang-sc.woff2' }];
