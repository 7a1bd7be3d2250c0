// One child's controls on the Settings page: a row per control (Left/Right change it, OK steps it or opens
// the allow-list), then Save, which sends them with the PIN.
import { Column } from '@lightningtv/solid/primitives';
import { For } from 'solid-js';
import { Button } from '../components/Button.tsx';
import { t } from '../i18n/i18n.ts';
import { SPACE } from '../theme/tokens.ts';
import { controlRowLabel, controlRowValue, CONTROL_ROWS, type ControlRow } from './controls-labels.ts';
import { SettingRow } from './SettingRow.tsx';
import {
  BEDTIME_CHOICES,
  BREAK_CHOICES,
  QUOTA_CHOICES,
  stepChoice,
  withControl,
} from './controls-options.ts';
import type { Controls } from '../api/family-types.ts';

export type ControlsFormProps = {
  controls: Controls;
  onChange: (controls: Controls) => void;
  onOpenAllowList: () => void;
  onSave: () => void;
};

export function stepControl(row: ControlRow, controls: Controls, step: number): Controls {
  if (row === 'quota') {
    return withControl(
      controls,
      'dailyQuotaMinutes',
      stepChoice(QUOTA_CHOICES, controls.dailyQuotaMinutes, step),
    );
  }
  if (row === 'break') {
    return withControl(
      controls,
      'breakEveryMinutes',
      stepChoice(BREAK_CHOICES, controls.breakEveryMinutes, step),
    );
  }
  if (row === 'bedtime')
    return withControl(controls, 'bedtime', stepChoice(BEDTIME_CHOICES, controls.bedtime, step));
  return controls;
}

export function ControlsForm(props: ControlsFormProps) {
  const change = (row: ControlRow, step: number) => {
    if (row === 'allowList') return false;
    props.onChange(stepControl(row, props.controls, step));
    return true;
  };
  return (
    <Column gap={SPACE.sm} scroll="none">
      <For each={CONTROL_ROWS}>
        {(row) => (
          <SettingRow
            label={controlRowLabel(row)}
            value={controlRowValue(row, props.controls)}
            onLeft={() => change(row, -1)}
            onRight={() => change(row, 1)}
            onEnter={() => (row === 'allowList' ? props.onOpenAllowList() : change(row, 1))}
          />
        )}
      </For>
      <Button label={t('settings.save')} onEnter={props.onSave} />
    </Column>
  );
}
