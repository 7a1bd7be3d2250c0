// One home rail: a heading and a virtualized row of tiles (only the visible ones exist).
import type { NodeProps } from '@lightningtv/solid';
import { VirtualRow } from '@lightningtv/solid/primitives';
import type { RailModel, TileModel } from '../api/formatters/tile.formatter.ts';
import { indexOrFirst } from '../focus/focus-memory.ts';
import { COLOR, FONT, SIZE, SPACE } from '../theme/tokens.ts';
import { Tile } from './Tile/Tile.tsx';

const VISIBLE_TILES = 5;
const BUFFER_TILES = 2;
export const RAIL_HEIGHT = SIZE.railTitleHeight + SIZE.tileHeight + SIZE.railGap;

export type RailProps = NodeProps & {
  rail: RailModel;
  selectedKey: string | undefined;
  onTileFocus: (tile: TileModel) => void;
  onTileEnter: (tile: TileModel) => void;
};

export function Rail(props: RailProps) {
  return (
    <view width={SIZE.screenWidth} height={RAIL_HEIGHT} forwardFocus={1} {...props}>
      <text
        x={SPACE.screenX}
        fontFamily={FONT.family}
        fontSize={FONT.heading}
        color={COLOR.text}
        maxLines={1}
      >
        {props.rail.title}
      </text>
      <VirtualRow
        x={SPACE.screenX}
        y={SIZE.railTitleHeight}
        height={SIZE.tileHeight}
        gap={SPACE.lg}
        each={props.rail.tiles}
        displaySize={VISIBLE_TILES}
        bufferSize={BUFFER_TILES}
        scroll="auto"
        selected={indexOrFirst(
          props.rail.tiles.map((tile) => tile.key),
          props.selectedKey,
        )}
      >
        {(tile) => (
          <Tile
            tile={tile()}
            onFocus={() => props.onTileFocus(tile())}
            onEnter={() => {
              props.onTileEnter(tile());
              return true;
            }}
          />
        )}
      </VirtualRow>
    </view>
  );
}
