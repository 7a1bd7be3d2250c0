// One home rail: a heading and a virtualized row of tiles (only the visible ones exist).
import { hasFocus, type ElementNode, type NodeProps } from '@lightningtv/solid';
import { VirtualRow } from '@lightningtv/solid/primitives';
import { Show } from 'solid-js';
import type { RailModel, TileModel } from '../api/formatters/tile.formatter.ts';
import { getConfig } from '../config.ts';
import { memorySettings } from '../device/memory-class.ts';
import { indexOrFirst } from '../focus/focus-memory.ts';
import { COLOR, FONT, SIZE, SPACE } from '../theme/tokens.ts';
import { Tile } from './Tile/Tile.tsx';

const VISIBLE_TILES = 5;
export const RAIL_HEIGHT = SIZE.railTitleHeight + SIZE.tileHeight + SIZE.railGap;

export type RailProps = NodeProps & {
  rail: RailModel;
  selectedKey: string | undefined;
  /**
   * False: only the heading exists, no tiles (a rail kept off screen for Up to land on, on a low-memory box).
   * Such a rail that gets focus calls `onRailFocus`, and its tiles take focus once they are back.
   */
  keepsTiles?: boolean;
  onRailFocus?: () => void;
  onTileFocus: (tile: TileModel) => void;
  onTileEnter: (tile: TileModel) => void;
};

export function Rail(props: RailProps) {
  let railNode: ElementNode | undefined;
  return (
    <view
      ref={railNode}
      width={SIZE.screenWidth}
      height={RAIL_HEIGHT}
      forwardFocus={1}
      railHeading={props.rail.title}
      onFocusChanged={(focused: boolean) => focused && props.onRailFocus?.()}
      {...props}
    >
      <text
        x={SPACE.screenX}
        fontFamily={FONT.family}
        fontSize={FONT.heading}
        color={COLOR.text}
        maxLines={1}
      >
        {props.rail.title}
      </text>
      {/* A VirtualColumn recycles a rail's node for another rail (its List reuses nodes), and a
          VirtualRow never re-slices when only `each` changes (its slice follows the scroll position,
          not the items): it kept drawing the previous rail's tiles under the new heading. So the row
          is keyed by the rail: another rail gets a new row, with its own tiles and its own focus. */}
      <Show when={props.keepsTiles === false ? undefined : props.rail} keyed>
        {(rail) => (
          <VirtualRow
            // Back from heading only: the rail holds focus itself, so its row takes it.
            autofocus={railNode !== undefined && hasFocus(railNode)}
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
