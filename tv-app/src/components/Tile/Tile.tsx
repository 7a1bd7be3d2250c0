import type { ElementNode, NodeProps } from '@lightningtv/solid';
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
import { setSurfaceCovered } from '../../empty-quads.ts';

export type TileProps = NodeProps & { tile: TileModel };

/**
 * A lesson or channel with its picture and a caption band (none over a generated cover, which shows the title
 * itself: the hero says the rest once the tile has focus); a section (no picture) as two lines of text.
 */
export function Tile(props: TileProps) {
  // Once its picture shows (opaque: a playable lesson's is not faded), the tile's surface shows only as an
  // 8-pixel edge round it: it is not drawn then, except with focus, when the ring is drawn there.
  let tileNode: ElementNode | undefined;
  let hasFocus = false;
  let isPictureShown = false;
  const updateSurface = () => {
    if (tileNode) setSurfaceCovered(tileNode, isPictureShown && props.tile.isPlayable && !hasFocus);
  };
  const onPicture = (shown: boolean) => () => {
    isPictureShown = shown;
    updateSurface();
  };
  return (
    <view
      style={TILE_STYLE}
      pictureTitle={props.tile.isTitleInPicture ? props.tile.title : undefined}
      ref={tileNode}
      onFocusChanged={(focused: boolean) => {
        hasFocus = focused;
        updateSurface();
      }}
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
          onEvent={{ loaded: onPicture(true), failed: onPicture(false), freed: onPicture(false) }}
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
