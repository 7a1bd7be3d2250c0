// The navigation bar's "who is watching": the active profile's avatar and name; OK opens the picker.
import type { NodeProps } from '@lightningtv/solid';
import type { Profile } from '../../api/family-types.ts';
import { t } from '../../i18n/i18n.ts';
import { AVATAR_SIZE, profileColor } from '../../theme/avatars.ts';
import { FOCUSABLE_SURFACE } from '../../theme/styles.ts';
import { COLOR, FONT, SIZE, SPACE } from '../../theme/tokens.ts';
import { AvatarBadge } from './AvatarBadge.tsx';

const AVATAR_Y = (SIZE.buttonHeight - AVATAR_SIZE.small) / 2;

export type ProfileButtonProps = NodeProps & { profile: Profile | undefined; onEnter: () => void };

export function ProfileButton(props: ProfileButtonProps) {
  return (
    <view
      width={SIZE.buttonWidth}
      height={SIZE.buttonHeight}
      style={FOCUSABLE_SURFACE}
      {...props}
      onEnter={() => {
        props.onEnter();
        return true;
      }}
    >
      <text
        x={AVATAR_SIZE.small + SPACE.sm * 2}
        y={(SIZE.buttonHeight - FONT.body * 1.3) / 2}
        width={SIZE.buttonWidth - AVATAR_SIZE.small - SPACE.sm * 3}
        contain="width"
        maxLines={1}
        fontFamily={FONT.family}
        fontSize={FONT.body}
        color={COLOR.text}
      >
        {props.profile?.name ?? t('nav.profiles')}
      </text>
      <AvatarBadge
        x={SPACE.sm}
        y={AVATAR_Y}
        size={AVATAR_SIZE.small}
        avatar={props.profile?.avatar ?? 'add'}
        color={props.profile ? profileColor(props.profile.color, props.profile.avatar) : COLOR.surfaceRaised}
      />
    </view>
  );
}
