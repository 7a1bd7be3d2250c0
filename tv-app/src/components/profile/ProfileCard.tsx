// One big, friendly choice on the profile screens: an avatar disc (or a glyph such as "+") and a label.
import type { NodeProps } from '@lightningtv/solid';
import { FONT, SPACE } from '../../theme/tokens.ts';
import { PROFILE_CARD_STYLE, PROFILE_CARD } from '../../theme/styles.ts';
import { AvatarBadge } from './AvatarBadge.tsx';

export type ProfileCardProps = NodeProps & {
  avatar: string;
  color: number;
  label: string;
  onEnter: () => void;
};

export function ProfileCard(props: ProfileCardProps) {
  return (
    <view
      style={PROFILE_CARD_STYLE}
      {...props}
      onEnter={() => {
        props.onEnter();
        return true;
      }}
    >
      {/* The name first: tests read a focused node's first text. */}
      <text
        y={PROFILE_CARD.avatar + SPACE.md * 2}
        width={PROFILE_CARD.width}
        textAlign="center"
        contain="width"
        maxLines={1}
        fontFamily={FONT.family}
        fontSize={FONT.heading}
      >
        {props.label}
      </text>
      <AvatarBadge
        x={(PROFILE_CARD.width - PROFILE_CARD.avatar) / 2}
        y={SPACE.md}
        avatar={props.avatar}
        color={props.color}
        size={PROFILE_CARD.avatar}
      />
    </view>
  );
}
