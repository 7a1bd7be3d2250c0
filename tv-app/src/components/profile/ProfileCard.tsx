// One big, friendly choice on the profile screens: an avatar disc (or a glyph such as "+") and a label.
import type { NodeProps } from '@lightningtv/solid';
import { splitProps } from 'solid-js';
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
  // The avatar's colour is the disc's, not the card's: keep it (and the other card props) off the node.
  const [own, node] = splitProps(props, ['avatar', 'color', 'label', 'onEnter']);
  return (
    <view
      style={PROFILE_CARD_STYLE}
      {...node}
      onEnter={() => {
        own.onEnter();
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
        {own.label}
      </text>
      <AvatarBadge
        x={(PROFILE_CARD.width - PROFILE_CARD.avatar) / 2}
        y={SPACE.md}
        avatar={own.avatar}
        color={own.color}
        size={PROFILE_CARD.avatar}
      />
    </view>
  );
}
