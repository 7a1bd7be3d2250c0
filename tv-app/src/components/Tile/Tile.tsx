import type { NodeProps } from '@lightningtv/solid';
import { Show } from 'solid-js';
import type { TileModel } from '../../api/formatters/tile.formatter.ts';
import { COLOR, FONT, SPACE } from '../../theme/tokens.ts';
import {
  CAPTION_BAND_STYLE,
  CAPTION_SUBTITLE_STYLE,
  CAPTION_TITLE_STYLE,
  PICTURE_STYLE,
  TILE_STYLE,
  TILE_SUBTITLE_Y,
  TILE_TEXT_WIDTH,
  TILE_TITLE_Y,
  UNAVAILABLE_PICTURE_ALPHA,
} from './Tile.styles.ts';
import { TileProgress } from '../TileProgress.tsx';

export type TileProps = NodeProps & { tile: TileModel };

/**
 * A lesson or channel with its picture and a caption band (none over a generated cover, which shows the title
 * itself: the hero says the rest once the tile has focus); a section (no picture) as two lines of text.
 */
export function Tile(props: TileProps) {
  return (
    <view
      style={TILE_STYLE}
      pictureTitle={props.tile.isTitleInPicture ? props.tile.title : undefined}
      {...props}
    >
      <Show
        when={props.tile.thumbnailUrl}
        fallback={
          <>
            <text
              x={SPACE.md}
              y={TILE_TITLE_Y}
              width={TILE_TEXT_WIDTH}
              contain="width"
              maxLines={2}
              fontFamily={FONT.family}
              fontSize={FONT.body}
              lineHeight={FONT.body * 1.4}
              color={COLOR.text}
            >
              {props.tile.title}
            </text>
            <text
              x={SPACE.md}
              y={TILE_SUBTITLE_Y}
              width={TILE_TEXT_WIDTH}
              contain="width"
              maxLines={1}
              fontFamily={FONT.family}
              fontSize={FONT.caption}
              color={COLOR.textMuted}
            >
              {props.tile.subtitle}
            </text>
          </>
        }
      >
        <view
          style={PICTURE_STYLE}
          src={props.tile.thumbnailUrl}
          alpha={props.tile.isPlayable ? 1 : UNAVAILABLE_PICTURE_ALPHA}
        />
        <Show when={!props.tile.isTitleInPicture}>
          <view style={CAPTION_BAND_STYLE}>
            <text style={CAPTION_TITLE_STYLE}>{props.tile.title}</text>
            <text style={CAPTION_SUBTITLE_STYLE} color={COLOR.textMuted}>
              {props.tile.subtitle}
            </text>
          </view>
        </Show>
      </Show>
      <TileProgress progress={props.tile.progress} />
    </view>
  );
}
