// A readable message instead of a blank screen: a title, a detail and the actions that can help.
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
const PANEL_Y = 320;

export function Message(props: MessageProps) {
  return (
    <view
      x={PANEL_X}
      y={PANEL_Y}
      width={PANEL_WIDTH}
      height={440}
      color={COLOR.surface}
      borderRadius={SIZE.radius}
    >
      <Show when={props.isBusy}>
        <Spinner x={(PANEL_WIDTH - 96) / 2} y={SPACE.lg} />
      </Show>
      <text
        x={SPACE.xl}
        y={props.isBusy ? 170 : SPACE.xl}
        width={PANEL_WIDTH - SPACE.xl * 2}
        contain="width"
        maxLines={2}
        textAlign="center"
        fontFamily={FONT.family}
        fontSize={FONT.title}
        color={COLOR.text}
      >
        {wrapCjk(props.title)}
      </text>
      <text
        x={SPACE.xl}
        y={props.isBusy ? 240 : 150}
        width={PANEL_WIDTH - SPACE.xl * 2}
        contain="width"
        maxLines={3}
        textAlign="center"
        fontFamily={FONT.family}
        fontSize={FONT.body}
        color={COLOR.textMuted}
      >
        {wrapCjk(props.detail ?? '')}
      </text>
      {/* A focusable row with no buttons would loop in the focus manager: only draw it with actions. */}
      <Show when={(props.actions?.length ?? 0) > 0}>
        <Row
          x={(PANEL_WIDTH - (props.actions?.length ?? 0) * (SIZE.buttonWidth + SPACE.lg) + SPACE.lg) / 2}
          y={300}
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
