// The PIN pad: four masked digits typed with the number keys, or picked on a 3×4 pad with arrows and OK.
// A wrong PIN shakes the dots and says so; a locked PIN (429) shows the wait and counts it down.
import type { ElementNode } from '@lightningtv/solid';
import { Column, Row } from '@lightningtv/solid/primitives';
import { createSignal, For, Index, onCleanup, Show } from 'solid-js';
import { t } from '../i18n/i18n.ts';
import { exposeForTests } from '../state/test-hooks.ts';
import { addDigit, digitOfAction, isComplete, PIN_LENGTH, removeDigit } from '../parental/pin-entry.ts';
import type { PinOutcome } from '../parental/pin-outcome.ts';
import { CARE_COLOR, CARE_MOTION, CARE_SIZE } from '../theme/care.ts';
import { TEXT_MUTED, TEXT_TITLE } from '../theme/styles.ts';
import { COLOR, FONT, SIZE, SPACE } from '../theme/tokens.ts';
import { Button } from './Button.tsx';

export type PinPadProps = {
  title: string;
  /** Called with four digits; the pad clears itself for the next try unless the outcome is 'ok'. */
  onSubmit: (pin: string) => Promise<PinOutcome>;
  onCancel: () => void;
  /** A message to show before the first try (e.g. "the two entries differ"). */
  notice?: string;
  /** Digits to enter: a PIN's four by default (a draft preview code has six). */
  length?: number;
  /** Show the digits typed instead of dots (a code that is no secret). */
  isShown?: boolean;
};

const KEYS = [
  ['1', '2', '3'],
  ['4', '5', '6'],
  ['7', '8', '9'],
  ['delete', '0', 'cancel'],
];
const PANEL_X = (SIZE.screenWidth - CARE_SIZE.pinPanelWidth) / 2;
const PANEL_Y = (SIZE.screenHeight - CARE_SIZE.pinPanelHeight) / 2;
const GRID_WIDTH = CARE_SIZE.pinKeyWidth * 3 + SPACE.sm * 2;
const dotsWidth = (length: number) => CARE_SIZE.pinDot * length + CARE_SIZE.pinDotGap * (length - 1);

export function PinPad(props: PinPadProps) {
  const length = props.length ?? PIN_LENGTH;
  const DOTS_WIDTH = dotsWidth(length);
  const [pin, setPin] = createSignal('');
  const [status, setStatus] = createSignal(props.notice ?? '');
  const [lockedSeconds, setLockedSeconds] = createSignal(0);
  exposeForTests('pinStatus', status);
  let isBusy = false;
  let dots: ElementNode | undefined;
  let lockTimer: ReturnType<typeof setInterval> | undefined;
  let shakeTimer: ReturnType<typeof setTimeout> | undefined;
  onCleanup(() => {
    clearInterval(lockTimer);
    clearTimeout(shakeTimer);
  });

  const shake = (step = 0) => {
    const offset = CARE_MOTION.shakeOffsets[step];
    if (!dots || offset === undefined) return;
    dots.x = (CARE_SIZE.pinPanelWidth - DOTS_WIDTH) / 2 + offset;
    shakeTimer = setTimeout(() => shake(step + 1), CARE_MOTION.shakeStepMs);
  };

  const lock = (seconds: number) => {
    setLockedSeconds(seconds);
    setStatus(t('pin.locked', { seconds }));
    clearInterval(lockTimer);
    lockTimer = setInterval(() => {
      const left = lockedSeconds() - 1;
      setLockedSeconds(Math.max(0, left));
      setStatus(left > 0 ? t('pin.locked', { seconds: left }) : '');
      if (left <= 0) clearInterval(lockTimer);
    }, 1000);
  };

  const submit = async (entered: string) => {
    isBusy = true;
    const outcome = await props.onSubmit(entered);
    isBusy = false;
    if (outcome.kind === 'ok') return;
    setPin('');
    if (outcome.kind === 'locked') lock(outcome.retryAfterSeconds);
    else setStatus(t(outcome.kind === 'wrong' ? 'pin.wrong' : 'pin.failed'));
    if (outcome.kind === 'wrong') shake();
  };

  const type = (digit: string) => {
    if (isBusy || lockedSeconds() > 0) return;
    const next = addDigit(pin(), digit, length);
    setPin(next);
    if (next.length === 1) setStatus('');
    if (isComplete(next, length)) void submit(next);
  };

  const press = (key: string) => {
    if (key === 'cancel') props.onCancel();
    else if (key === 'delete') setPin(removeDigit(pin()));
    else type(key);
  };

  const label = (key: string) =>
    key === 'cancel' ? t('pin.cancel') : key === 'delete' ? t('pin.delete') : key;

  return (
    <view
      width={SIZE.screenWidth}
      height={SIZE.screenHeight}
      color={COLOR.scrim}
      zIndex={20}
      forwardFocus={0}
      onKeyPress={(_event: KeyboardEvent, action?: string) => {
        const digit = digitOfAction(action);
        if (digit === undefined) return false;
        type(digit);
        return true;
      }}
      onBack={() => {
        props.onCancel();
        return true;
      }}
    >
      <view
        x={PANEL_X}
        y={PANEL_Y}
        width={CARE_SIZE.pinPanelWidth}
        height={CARE_SIZE.pinPanelHeight}
        color={COLOR.surface}
        borderRadius={SIZE.radius}
        forwardFocus={3}
      >
        <text
          style={TEXT_TITLE}
          y={SPACE.lg}
          width={CARE_SIZE.pinPanelWidth}
          textAlign="center"
          contain="width"
          maxLines={1}
        >
          {props.title}
        </text>
        <Show
          when={!props.isShown}
          fallback={
            <text
              style={TEXT_TITLE}
              y={SPACE.lg + 84}
              width={CARE_SIZE.pinPanelWidth}
              textAlign="center"
              contain="width"
              maxLines={1}
              letterSpacing={16}
            >
              {pin().padEnd(length, '_')}
            </text>
          }
        >
          <view
            ref={dots}
            x={(CARE_SIZE.pinPanelWidth - DOTS_WIDTH) / 2}
            y={SPACE.lg + 96}
            width={DOTS_WIDTH}
            height={CARE_SIZE.pinDot}
          >
            <Index each={Array.from({ length })}>
              {(_, i) => (
                <view
                  x={i * (CARE_SIZE.pinDot + CARE_SIZE.pinDotGap)}
                  width={CARE_SIZE.pinDot}
                  height={CARE_SIZE.pinDot}
                  borderRadius={CARE_SIZE.pinDot / 2}
                  color={i < pin().length ? CARE_COLOR.pinDotFilled : CARE_COLOR.pinDotEmpty}
                />
              )}
            </Index>
          </view>
        </Show>
        <text
          y={SPACE.lg + 170}
          width={CARE_SIZE.pinPanelWidth}
          textAlign="center"
          contain="width"
          maxLines={1}
          fontFamily={FONT.family}
          fontSize={FONT.body}
          color={CARE_COLOR.warning}
        >
          {status()}
        </text>
        <Column
          x={(CARE_SIZE.pinPanelWidth - GRID_WIDTH) / 2}
          y={SPACE.lg + 240}
          gap={SPACE.sm}
          scroll="none"
          autofocus
        >
          <For each={KEYS}>
            {(row) => (
              <Row gap={SPACE.sm} scroll="none" height={SIZE.buttonHeight} width={GRID_WIDTH}>
                <For each={row}>
                  {(key) => (
                    <Button
                      width={CARE_SIZE.pinKeyWidth}
                      color={COLOR.surfaceRaised}
                      label={label(key)}
                      onEnter={() => press(key)}
                    />
                  )}
                </For>
              </Row>
            )}
          </For>
        </Column>
        <text
          style={TEXT_MUTED}
          y={CARE_SIZE.pinPanelHeight - SPACE.lg - FONT.caption}
          width={CARE_SIZE.pinPanelWidth}
          textAlign="center"
          contain="width"
          maxLines={1}
        >
          {t('pin.hint')}
        </text>
      </view>
    </view>
  );
}
