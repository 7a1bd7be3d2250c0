import type { NodeStyles, TextStyles } from '@lightningtv/solid';
import { COLOR, FONT, SIZE, SPACE } from '../../theme/tokens.ts';
import { FOCUSABLE_SURFACE } from '../../theme/styles.ts';

export const TILE_STYLE: NodeStyles = {
  ...FOCUSABLE_SURFACE,
  width: SIZE.tileWidth,
  height: SIZE.tileHeight,
};
export const TILE_TEXT_WIDTH = SIZE.tileWidth - SPACE.md * 2;
export const TILE_TITLE_Y = SPACE.md;
export const TILE_SUBTITLE_Y = SIZE.tileHeight - SPACE.md - FONT.caption * 1.3;
export const TILE_BADGE = { width: 12, height: SIZE.tileHeight - SPACE.md * 2, color: COLOR.accent };

// With a picture: it sits inside the focus ring's width (so the ring stays visible over it), the tile's own
// surface shows until it loads (no placeholder layer: each full-tile layer is drawn again on every frame, and
// software GL pays for every pixel), and a dark band at the bottom carries one title line and the subtitle.
const INSET = SIZE.focusBorder;
export const PICTURE_STYLE: NodeStyles = {
  x: INSET,
  y: INSET,
  width: SIZE.tileWidth - INSET * 2,
  height: SIZE.tileHeight - INSET * 2,
  borderRadius: SIZE.radius - INSET,
};
/** A lesson that cannot play here keeps its picture, faded: calm, not an error a child should worry about. */
export const UNAVAILABLE_PICTURE_ALPHA = 0.45;
export const CAPTION_BAND_STYLE: NodeStyles = {
  x: INSET,
  y: SIZE.tileHeight - INSET - SIZE.tileCaptionHeight,
  width: SIZE.tileWidth - INSET * 2,
  height: SIZE.tileCaptionHeight,
  color: COLOR.captionBand,
  borderRadius: [0, 0, SIZE.radius - INSET, SIZE.radius - INSET],
};
const CAPTION_TEXT_X = SPACE.sm;
const CAPTION_TEXT_WIDTH = SIZE.tileWidth - INSET * 2 - SPACE.sm * 2;
export const CAPTION_TITLE_STYLE: TextStyles = {
  x: CAPTION_TEXT_X,
  y: SPACE.xs,
  width: CAPTION_TEXT_WIDTH,
  contain: 'width',
  maxLines: 1,
  fontFamily: FONT.family,
  fontSize: FONT.body,
  lineHeight: FONT.body * 1.4,
  color: COLOR.text,
};
export const CAPTION_SUBTITLE_Y = SPACE.xs + FONT.body * 1.4 + 4;
export const CAPTION_SUBTITLE_STYLE: TextStyles = {
  x: CAPTION_TEXT_X,
  y: CAPTION_SUBTITLE_Y,
  width: CAPTION_TEXT_WIDTH,
  contain: 'width',
  maxLines: 1,
  fontFamily: FONT.family,
  fontSize: FONT.caption,
  color: COLOR.textMuted,
};
