// The top of Home: the focused tile, large, with its picture on the right.
import { Show } from 'solid-js';
import type { TileModel } from '../api/formatters/tile.formatter.ts';
import { t } from '../i18n/i18n.ts';
import { COLOR, FONT, IMAGE, SIZE, SPACE } from '../theme/tokens.ts';

// The picture is the tile's own size and URL: the renderer reuses the tile's texture, no second download.
const PICTURE_X = SIZE.screenWidth - SPACE.screenX - IMAGE.tile.width;
const TEXT_WIDTH = PICTURE_X - SPACE.screenX - SPACE.lg;

function HeroPicture(props: { src: string }) {
  return (
    <view
      x={PICTURE_X}
      width={IMAGE.tile.width}
      height={IMAGE.tile.height}
      borderRadius={SIZE.radius}
      color={COLOR.imagePlaceholder}
    >
      <view width={IMAGE.tile.width} height={IMAGE.tile.height} borderRadius={SIZE.radius} src={props.src} />
    </view>
  );
}

export function Hero(props: { tile: TileModel | undefined; y: number }) {
  return (
    <view y={props.y} width={SIZE.screenWidth} height={SIZE.heroHeight - props.y}>
      <Show when={props.tile?.thumbnailUrl}>{(src) => <HeroPicture src={src()} />}</Show>
      <view x={SPACE.screenX} width={TEXT_WIDTH} height={SIZE.heroHeight - props.y}>
        <text
          width={TEXT_WIDTH}
          contain="width"
          maxLines={2}
          fontFamily={FONT.family}
          fontSize={FONT.hero}
          lineHeight={FONT.hero * 1.3}
          color={COLOR.text}
        >
          {props.tile?.title ?? ''}
        </text>
        <text
          y={180}
          width={TEXT_WIDTH}
          contain="width"
          maxLines={1}
          fontFamily={FONT.family}
          fontSize={FONT.body}
          color={COLOR.accent}
        >
          {props.tile?.subtitle ?? ''}
        </text>
        <text
          y={230}
          width={TEXT_WIDTH}
          contain="width"
          maxLines={1}
          fontFamily={FONT.family}
          fontSize={FONT.body}
          color={COLOR.textMuted}
        >
          {props.tile ? `${props.tile.detail}\u3000${t('home.hero.play')}` : ''}
        </text>
      </view>
    </view>
  );
}
