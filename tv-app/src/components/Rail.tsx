// One home rail: a heading and a virtualized row of tiles (only the visible ones exist).
import type { NodeProps } from '@lightningtv/solid';
import { VirtualRow } from '@lightningtv/solid/primitives';
import { Show } from 'solid-js';
import type { RailModel, TileModel } from '../api/formatters/tile.formatter.ts';
import { getConfig } from '../config.ts';
import { memorySettings } from '../device/memory-class.ts';
import { indexOrFirst } from '../focus/focus-memory.ts';
import { SIZE, SPACE } from '../theme/tokens.ts';
import { RAIL_HEADING_STYLE, VISIBLE_TILES } from './Rail.styles.ts';
import { Tile } from './Tile/Tile.tsx';

export const RAIL_HEIGHT = SIZE.railTitleHeight + SIZE.tileHeight + SIZE.railGap;

export type RailProps = NodeProps & {
  rail: RailModel;
  selectedKey: string | undefined;
  onTileFocus: (tile: TileModel) => void;
  onTileEnter: (tile: TileModel) => void;
};

export function Rail(props: RailProps) {
  return (
    <view
      width={SIZE.screenWidth}
      height={RAIL_HEIGHT}
      forwardFocus={1}
      railHeading={props.rail.title}
      {...props}
    >
      <text style={RAIL_HEADING_STYLE}>{props.rail.title}</text>
      {/* A VirtualColumn recycles a rail's node for another rail (its List reuses nodes), and a
          VirtualRow never re-slices when only `each` changes (its slice follows the scroll position,
          not the items): it kept drawing the previous rail's tiles under the new heading. So the row
          is keyed by the rail: another rail gets a new row, with its own tiles and its own focus. */}
      <Show when={props.rail} keyed>
        {(rail) => (
          <VirtualRow
            x={SPACE.screenX}
            y={SIZE.railTitleHeight}
            height={SIZE.tileHeight}
            gap={SPACE.lg}
            each={rail.tiles}
            displaySize={VISIBLE_TILES}
            bufferSize={memorySettings(getConfig().deviceProfile).tileBuffer}
            scroll="auto"
            selected={indexOrFirst(
              rail.tiles.map((tile) => tile.key),
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
        )}
      </Show>
    </view>
  );
}
