import type { TextStyles } from '@lightningtv/solid';
import { COLOR, FONT, SPACE } from '../theme/tokens.ts';

/** Tiles a rail shows at once. */
export const VISIBLE_TILES = 5;
/** The rail's heading (Home draws the same text ahead, in idle time: home/warm-ahead.ts). */
export const RAIL_HEADING_STYLE: TextStyles = {
  x: SPACE.screenX,
  fontFamily: FONT.family,
  fontSize: FONT.heading,
  color: COLOR.text,
  maxLines: 1,
};
