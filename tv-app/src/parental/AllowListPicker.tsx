// Picks the subjects and sections a child may watch: OK ticks one, "Allow everything" clears the list,
// Back closes the picker.
import { Column } from '@lightningtv/solid/primitives';
import { For } from 'solid-js';
import { Button } from '../components/Button.tsx';
import { pickText, t } from '../i18n/i18n.ts';
import { CARE_COLOR, CARE_SIZE } from '../theme/care.ts';
import { FOCUSABLE_SURFACE, TEXT_BODY, TEXT_MUTED } from '../theme/styles.ts';
import { SIZE, SPACE } from '../theme/tokens.ts';
import type { AllowChoice } from './allow-list.formatter.ts';
import { isAllowed, toggleAllowed } from './controls-options.ts';
import type { Controls } from '../api/family-types.ts';
import { SettingsLayer } from '../components/SettingsLayer.tsx';

type AllowList = NonNullable<Controls['allowList']>;

export type AllowListPickerProps = {
  choices: AllowChoice[];
  allowList: AllowList | null;
  onChange: (allowList: AllowList | null) => void;
  onClose: () => void;
};

const LIST_Y = 200;

export function AllowListPicker(props: AllowListPickerProps) {
  return (
    <SettingsLayer focusIndex={1} onClose={props.onClose}>
      <text style={TEXT_MUTED} x={SPACE.screenX} y={SPACE.screenY + 40}>
        {t('settings.allowHeading')}
      </text>
      {/* The clip leaves room around the rows: the focused row grows and its ring must not be cut. */}
      <view
        x={SPACE.screenX - SPACE.lg}
        y={LIST_Y - SPACE.lg}
        width={CARE_SIZE.settingsRowWidth + SPACE.lg * 2}
        height={SIZE.screenHeight - LIST_Y}
        clipping
        forwardFocus={0}
      >
        <Column x={SPACE.lg} y={SPACE.lg} gap={SPACE.sm} scroll="auto" autofocus>
          <Button
            width={CARE_SIZE.settingsRowWidth}
            label={t('settings.allowEverything')}
            onEnter={() => props.onChange(null)}
          />
          <For each={props.choices}>
            {(choice) => (
              <view
                width={CARE_SIZE.settingsRowWidth}
                height={SIZE.buttonHeight}
                style={FOCUSABLE_SURFACE}
                onEnter={() => {
                  props.onChange(toggleAllowed(props.allowList, choice.kind, choice.id));
                  return true;
                }}
              >
                <view
                  x={SPACE.md}
                  y={(SIZE.buttonHeight - CARE_SIZE.check) / 2}
                  width={CARE_SIZE.check}
                  height={CARE_SIZE.check}
                  borderRadius={6}
                  color={
                    props.allowList && isAllowed(props.allowList, choice.kind, choice.id)
                      ? CARE_COLOR.checkOn
                      : CARE_COLOR.checkOff
                  }
                />
                <text style={TEXT_BODY} x={SPACE.md * 2 + CARE_SIZE.check} y={(SIZE.buttonHeight - 39) / 2}>
                  {pickText(choice.title)}
                </text>
              </view>
            )}
          </For>
        </Column>
      </view>
    </SettingsLayer>
  );
}
