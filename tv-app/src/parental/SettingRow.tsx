// One row of the Settings page: the setting on the left, its value on the right between 〈 〉 (Left and
// Right change it). The value is placed by its mount point so it can change under focus and still draw.
import type { NodeProps } from '@lightningtv/solid';
import { t } from '../i18n/i18n.ts';
import { CARE_SIZE } from '../theme/care.ts';
import { FOCUSABLE_SURFACE, TEXT_BODY } from '../theme/styles.ts';
import { COLOR, FONT, SIZE, SPACE } from '../theme/tokens.ts';

export type SettingRowProps = NodeProps & { label: string; value: string };

const TEXT_Y = (SIZE.buttonHeight - FONT.body * 1.3) / 2;

export function SettingRow(props: SettingRowProps) {
  return (
    <view width={CARE_SIZE.settingsRowWidth} height={SIZE.buttonHeight} style={FOCUSABLE_SURFACE} {...props}>
      <text style={TEXT_BODY} x={SPACE.lg} y={TEXT_Y}>
        {props.label}
      </text>
      <text
        x={CARE_SIZE.settingsRowWidth - SPACE.lg}
        mountX={1}
        y={TEXT_Y}
        fontFamily={FONT.family}
        fontSize={FONT.body}
        color={COLOR.focus}
      >
        {t('settings.value', { value: props.value })}
      </text>
    </view>
  );
}
