// Design tokens only: every colour, size and duration the app draws with. Colours are 0xRRGGBBAA; a carrier's
// branding replaces some of them once at boot, before any screen reads them (theme/branding.ts).
type ColorToken =
  | 'background'
  | 'surface'
  | 'surfaceRaised'
  | 'surfaceFocus'
  | 'scrim'
  | 'scrimLight'
  | 'text'
  | 'textMuted'
  | 'textOnFocus'
  | 'focus'
  | 'accent'
  | 'danger'
  | 'onAir'
  | 'progressTrack'
  | 'progressFill'
  | 'imagePlaceholder'
  | 'captionBand'
  | 'done';

export const COLOR: Record<ColorToken, number> = {
  background: 0x0b1a2eff,
  surface: 0x17304dff,
  surfaceRaised: 0x21436aff,
  surfaceFocus: 0x2d5d91ff,
  scrim: 0x000000b3,
  scrimLight: 0x00000066,
  text: 0xf5f7faff,
  textMuted: 0xb8c4d6ff,
  textOnFocus: 0x0b1a2eff,
  focus: 0xffd23fff,
  accent: 0x4fc3f7ff,
  danger: 0xff6b6bff,
  onAir: 0xff5252ff,
  progressTrack: 0xffffff40,
  progressFill: 0xffd23fff,
  /** Behind a picture while it loads (and where a tile has none). */
  imagePlaceholder: 0x21436aff,
  /** The band that keeps a tile's text legible over its picture. */
  captionBand: 0x0b1a2ee6,
  done: 0x7ed957ff,
};

export const FONT = {
  family: 'KetangSC',
  hero: 64,
  title: 44,
  heading: 36,
  body: 30,
  caption: 26,
} as const;

export const SPACE = {
  xs: 8,
  sm: 16,
  md: 24,
  lg: 40,
  xl: 64,
  screenX: 96,
  screenY: 56,
} as const;

export const SIZE = {
  screenWidth: 1920,
  screenHeight: 1080,
  tileWidth: 400,
  tileHeight: 240,
  railTitleHeight: 56,
  railGap: 40,
  heroHeight: 400,
  buttonHeight: 72,
  buttonWidth: 280,
  /** The top bar's buttons beside a carrier's logo: five of them give up the logo's room. */
  navButtonCompactWidth: 236,
  keyWidth: 88,
  keyHeight: 80,
  focusBorder: 8,
  radius: 16,
  listRowHeight: 88,
  progressHeight: 12,
  thumbnailWidth: 320,
  thumbnailHeight: 180,
  /** The tile's caption band over its picture: one title line and one subtitle line. */
  tileCaptionHeight: 96,
  /** The carrier's logo on the home's top bar (a 5:2 box). */
  logoWidth: 180,
  logoHeight: 72,
} as const;

/**
 * Picture sizes the API's image endpoint makes, as the app draws them on its 1920×1080 layout: the tile
 * (also the hero's picture, so both share one texture) and the lesson page.
 */
export const IMAGE = {
  tile: { width: 400, height: 240 },
  large: { width: 640, height: 360 },
} as const;

export const MOTION = {
  focusScale: 1.08,
  durationMs: 160,
  keyRepeatMs: 120,
} as const;
