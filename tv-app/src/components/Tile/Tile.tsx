import type { NodeProps } from '@lightningtv/solid';
import { Show } from 'solid-js';
import type { TileModel } from '../../api/formatters/tile.formatter.ts';
import { COLOR, FONT, SPACE } from '../../theme/tokens.ts';
import { TileProgress } from '../TileProgress.tsx';
import { TILE_STYLE, TILE_SUBTITLE_Y, TILE_TEXT_WIDTH, TILE_TITLE_Y } from './Tile.styles.ts';

export type TileProps = NodeProps & { tile: TileModel };

/** One lesson, section or channel: a title that wraps over two lines and a one-line subtitle. */
export function Tile(props: TileProps) {
  return (
    <view style={TILE_STYLE} {...props}>
      <Show when={props.tile.thumbnailUrl}>
        <view
          src={props.tile.thumbnailUrl}
          width={TILE_STYLE.width}
          height={TILE_STYLE.height}
          alpha={0.35}
        />
      </Show>
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
        color={props.tile.isPlayable ? COLOR.textMuted : COLOR.danger}
      >
        {props.tile.subtitle}
      </text>
      <TileProgress progress={props.tile.progress} />
    </view>
  );
}
