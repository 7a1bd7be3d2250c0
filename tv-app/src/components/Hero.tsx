// The top of Home: the focused tile, large.
import type { TileModel } from '../api/formatters/tile.formatter.ts';
import { t } from '../i18n/i18n.ts';
import { COLOR, FONT, SIZE, SPACE } from '../theme/tokens.ts';

const TEXT_WIDTH = SIZE.screenWidth - SPACE.screenX * 2 - 400;

export function Hero(props: { tile: TileModel | undefined; y: number }) {
  return (
    <view x={SPACE.screenX} y={props.y} width={TEXT_WIDTH} height={SIZE.heroHeight - props.y}>
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
  );
}
