// An avatar: a colour disc with the animal's glyph (theme/avatars.ts), large on the picker, small in the
// navigation bar.
import type { NodeProps } from '@lightningtv/solid';
import { t, type MessageKey } from '../../i18n/i18n.ts';
import { AVATAR_RING } from '../../theme/avatars.ts';
import { COLOR, FONT } from '../../theme/tokens.ts';

export type AvatarBadgeProps = NodeProps & { avatar: string; color: number; size: number };

export function AvatarBadge(props: AvatarBadgeProps) {
  const glyphSize = () => Math.round(props.size * 0.5);
  return (
    <view
      width={props.size}
      height={props.size}
      borderRadius={props.size / 2}
      border={{ color: AVATAR_RING.color, width: props.size > 100 ? AVATAR_RING.width : 2 }}
      {...props}
    >
      <text
        y={(props.size - glyphSize() * 1.35) / 2}
        width={props.size}
        textAlign="center"
        contain="width"
        maxLines={1}
        fontFamily={FONT.family}
        fontSize={glyphSize()}
        color={COLOR.text}
      >
        {t(`avatar.${props.avatar}` as MessageKey)}
      </text>
    </view>
  );
}
