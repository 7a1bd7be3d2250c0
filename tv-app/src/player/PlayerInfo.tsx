// The info overlay: what is playing and how (codec family, rung, bandwidth).
import { pickText, t } from '../i18n/i18n.ts';
import { wrapCjk } from '../i18n/wrap-cjk.ts';
import { COLOR, FONT, SIZE, SPACE } from '../theme/tokens.ts';
import type { usePlayback } from './use-playback.ts';

const PANEL_WIDTH = 900;

export function PlayerInfo(props: { playback: ReturnType<typeof usePlayback> }) {
  const variant = () => {
    props.playback.time(); // refresh with the clock
    const active = props.playback.player()?.activeVariant();
    return active ? t('player.variant', { codec: active.codecFamily ?? '?', height: active.height }) : '';
  };
  const lesson = () => props.playback.lesson();
  return (
    <view
      x={SPACE.screenX}
      y={SPACE.screenY}
      width={PANEL_WIDTH}
      height={360}
      color={COLOR.scrim}
      borderRadius={SIZE.radius}
    >
      <text
        x={SPACE.lg}
        y={SPACE.lg}
        width={PANEL_WIDTH - SPACE.lg * 2}
        contain="width"
        maxLines={2}
        fontFamily={FONT.family}
        fontSize={FONT.title}
        color={COLOR.text}
      >
        {wrapCjk(pickText(lesson()?.title))}
      </text>
      <text
        x={SPACE.lg}
        y={170}
        width={PANEL_WIDTH - SPACE.lg * 2}
        contain="width"
        maxLines={2}
        fontFamily={FONT.family}
        fontSize={FONT.body}
        color={COLOR.textMuted}
      >
        {wrapCjk(
          lesson()
            ?.teachers.map((teacher) => teacher.name)
            .join('、') ?? '',
        )}
      </text>
      <text x={SPACE.lg} y={260} fontFamily={FONT.family} fontSize={FONT.body} color={COLOR.accent}>
        {variant()}
      </text>
    </view>
  );
}
