import type { NodeStyles } from '@lightningtv/solid';
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
