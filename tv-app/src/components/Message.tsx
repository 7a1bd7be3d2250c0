// A readable message instead of a blank screen: a title, a detail and the actions that can help.
// The panel is a flex column: each text takes the height of its lines once drawn, so a title that wraps
// pushes the detail and the buttons down instead of running under them, and the panel grows to fit.
import { Row } from '@lightningtv/solid/primitives';
import { For, Show } from 'solid-js';
import { wrapCjk } from '../i18n/wrap-cjk.ts';
import { Button } from './Button.tsx';
import { Spinner } from './Spinner.tsx';
import { COLOR, FONT, SIZE, SPACE } from '../theme/tokens.ts';

export type MessageAction = { label: string; onEnter: () => void };
export type MessageProps = { title: string; detail?: string; actions?: MessageAction[]; isBusy?: boolean };

const PANEL_WIDTH = 1100;
const PANEL_X = (SIZE.screenWidth - PANEL_WIDTH) / 2;
const PANEL_Y = 280;
const TEXT_WIDTH = PANEL_WIDTH - SPACE.xl * 2;
const LINE_SPACING = 1.4;
const SPINNER_SIZE = 96;

export function Message(props: MessageProps) {
  const actionCount = () => props.actions?.length ?? 0;
  return (
    <view
      x={PANEL_X}
      y={PANEL_Y}
      width={PANEL_WIDTH}
      color={COLOR.surface}
      borderRadius={SIZE.radius}
      display="flex"
      flexDirection="column"
      padding={SPACE.xl}
      gap={SPACE.md}
    >
      <Show when={props.isBusy}>
        <Spinner x={(PANEL_WIDTH - SPINNER_SIZE) / 2} />
      </Show>
      <text
        x={SPACE.xl}
        width={TEXT_WIDTH}
        contain="width"
        maxLines={2}
        textAlign="center"
        fontFamily={FONT.family}
        fontSize={FONT.title}
        lineHeight={FONT.title * LINE_SPACING}
        color={COLOR.text}
      >
        {wrapCjk(props.title)}
      </text>
      <Show when={props.detail}>
        <text
          x={SPACE.xl}
          width={TEXT_WIDTH}
          contain="width"
          maxLines={3}
          textAlign="center"
          fontFamily={FONT.family}
          fontSize={FONT.body}
          lineHeight={FONT.body * LINE_SPACING}
          color={COLOR.textMuted}
        >
          {wrapCjk(props.detail ?? '')}
        </text>
      </Show>
      {/* A focusable row with no buttons would loop in the focus manager: only draw it with actions. */}
      <Show when={actionCount() > 0}>
        <Row
          x={(PANEL_WIDTH - actionCount() * (SIZE.buttonWidth + SPACE.lg) + SPACE.lg) / 2}
          height={SIZE.buttonHeight}
          marginTop={SPACE.md}
          gap={SPACE.lg}
          autofocus
          scroll="none"
        >
          <For each={props.actions ?? []}>
            {(action) => <Button label={action.label} onEnter={action.onEnter} />}
          </For>
        </Row>
      </Show>
    </view>
  );
}
